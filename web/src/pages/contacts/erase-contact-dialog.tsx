// GDPR erasure asks twice: the user types the contact's phone number to confirm. Erasing removes
// their conversations, messages, files, notes and sessions for good; the audit log keeps only that
// a contact was erased.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContactView } from '#api/contacts/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { contactsKey, eraseContact } from '../../api/contacts-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';

type Props = { contact: ContactView; onClose: () => void; onErased: () => void };

export function EraseContactDialog({ contact, onClose, onErased }: Props) {
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => eraseContact(contact.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: contactsKey });
      onErased();
    },
  });
  const matches = typed.replace(/[^\d+]/g, '') === contact.phone;
  return (
    <Modal title={`Erase ${contact.displayName}?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) {
            erase.mutate();
          }
        }}
      >
        <p>
          This permanently deletes the contact, their conversations, messages, files they sent, notes, flow sessions and
          scheduled messages. It cannot be undone. The audit log records that a contact was erased, without their
          details.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="erase-confirm">
            Type the phone number {contact.phone} to confirm
          </label>
          <input id="erase-confirm" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        {erase.error && <Alert tone="danger">{errorMessage(erase.error)}</Alert>}
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={!matches} isPending={erase.isPending}>
            Erase for good
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
