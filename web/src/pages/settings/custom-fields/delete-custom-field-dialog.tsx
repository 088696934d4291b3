// Deleting a field removes its value from every contact: the user types the key to confirm.
import { useState } from 'react';
import type { CustomFieldView } from '#api/contacts/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';

type Props = { field: CustomFieldView; onConfirm: () => Promise<void>; onClose: () => void };

export function DeleteCustomFieldDialog({ field, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal title={`Delete "${field.label}"?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPending(true);
          onConfirm().then(onClose, (failure: unknown) => {
            setError(failure);
            setPending(false);
          });
        }}
      >
        <p>
          Every contact loses its {field.label} value, and templates or flows that use{' '}
          <code>{`{{contact.fields.${field.key}}}`}</code> will find it empty. This is recorded in the audit log.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="delete-field-confirm">
            Type {field.key} to confirm
          </label>
          <input id="delete-field-confirm" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={typed !== field.key} isPending={pending}>
            Delete field
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
