// Asks before a destructive action, runs it with a pending button, and keeps the dialog open with
// the server's reason when it refuses (e.g. deleting a role that is still in use).
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { Modal, ModalFooter } from './modal.tsx';

type ConfirmDialogProps = {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = () => {
    setPending(true);
    setError(null);
    onConfirm().then(onClose, (failure: unknown) => {
      setError(failure);
      setPending(false);
    });
  };

  return (
    <Modal title={title} onClose={onClose} size="sm">
      <div className="modal-body">
        <div className="confirm-message">{message}</div>
        {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
      </div>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} isPending={isPending}>
          {confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
