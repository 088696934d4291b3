import { z } from 'zod';
import type { CustomerMessage } from '../../api/sandbox-api.ts';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';

const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .transform(Number)
    .pipe(
      z
        .number({ error: 'must be a number, e.g. 48.8584' })
        .min(-limit, `must be between -${limit} and ${limit}`)
        .max(limit, `must be between -${limit} and ${limit}`),
    );

const locationFormSchema = z.object({
  latitude: coordinate(90),
  longitude: coordinate(180),
  name: z.string().trim().max(1000),
  address: z.string().trim().max(1000),
});

type LocationDialogProps = { onSend: (message: CustomerMessage) => Promise<void>; onClose: () => void };

export function LocationDialog({ onSend, onClose }: LocationDialogProps) {
  const form = useZodForm(locationFormSchema, { latitude: '', longitude: '', name: '', address: '' });
  const submit = form.handleSubmit(async ({ latitude, longitude, name, address }) => {
    await onSend({
      type: 'location',
      location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
    });
    onClose();
  });
  return (
    <Modal title="Share a location" description="As if the customer shared a pin from their map." onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <div className="form-row">
            <TextField form={form} name="latitude" label="Latitude" inputMode="decimal" autoFocus />
            <TextField form={form} name="longitude" label="Longitude" inputMode="decimal" />
          </div>
          <TextField form={form} name="name" label="Place name (optional)" />
          <TextField form={form} name="address" label="Address (optional)" />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Share location
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
