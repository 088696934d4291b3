import { z } from 'zod';
import type { CustomerMessage } from '../../api/sandbox-api.ts';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';

const contactFormSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[\d ()-]{6,20})?$/, 'must be a phone number, e.g. +1 415 555 0123'),
  email: z.union([z.literal(''), z.email('must be an e-mail address')]),
});

type ContactCardDialogProps = { onSend: (message: CustomerMessage) => Promise<void>; onClose: () => void };

/** A contact card (vCard) the customer shares from their address book. */
export function ContactCardDialog({ onSend, onClose }: ContactCardDialogProps) {
  const form = useZodForm(contactFormSchema, { name: '', phone: '', email: '' });
  const submit = form.handleSubmit(async ({ name, phone, email }) => {
    const [first, ...others] = name.split(/\s+/);
    const card = {
      name: { formatted_name: name, first_name: first, ...(others.length ? { last_name: others.join(' ') } : {}) },
      ...(phone ? { phones: [{ phone, type: 'CELL' }] } : {}),
      ...(email ? { emails: [{ email, type: 'HOME' }] } : {}),
    };
    await onSend({ type: 'contacts', contacts: [card] });
    onClose();
  });
  return (
    <Modal title="Share a contact" description="A card from the customer's address book." onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Contact name" autoFocus />
          <TextField form={form} name="phone" label="Phone (optional)" inputMode="tel" />
          <TextField form={form} name="email" label="E-mail (optional)" type="email" />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Share contact
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
