// Asks for a short name (a saved view, a new tag), runs the save with a pending button and keeps
// the server's refusal in the dialog.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';

type Props = {
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  onSave: (name: string) => Promise<unknown>;
  onClose: () => void;
};

export function NameDialog({ title, label, initial = '', confirmLabel, onSave, onClose }: Props) {
  const [name, setName] = useState(initial);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      return;
    }
    setPending(true);
    onSave(name.trim()).then(onClose, (failure: unknown) => {
      setError(failure);
      setPending(false);
    });
  };
  return (
    <Modal title={title} onClose={onClose} size="sm">
      <form onSubmit={submit}>
        <div className="modal-body">
          <label className="field">
            <span className="field-label">{label}</span>
            <input className="input" value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} />
          </label>
          {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={isPending} disabled={!name.trim()}>
            {confirmLabel}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
