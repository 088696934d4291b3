// Publishing: an optional note says what changed; the new version goes live for new conversations
// (conversations in progress finish on the version they started with).
import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Modal, ModalFooter } from '../components/modal.tsx';

const NOTE_LIMIT = 500;

export function PublishDialog({
  onPublish,
  onClose,
}: {
  onPublish: (note: string) => Promise<void>;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);
  const publish = () => {
    setPending(true);
    setError(null);
    onPublish(note).then(onClose, (failure: unknown) => {
      setError(failure);
      setPending(false);
    });
  };
  return (
    <Modal
      title="Publish this flow"
      description="New conversations use this version from now on; conversations in progress finish on theirs."
      onClose={onClose}
    >
      <div className="modal-body form-stack">
        {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
        <div className="field">
          <label className="field-label" htmlFor="publish-note">
            What changed? (optional)
          </label>
          <textarea
            id="publish-note"
            className="input"
            rows={3}
            maxLength={NOTE_LIMIT}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="e.g. Ask for the e-mail before the phone number"
          />
          <span className="field-hint">
            {note.length}/{NOTE_LIMIT}
          </span>
        </div>
      </div>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={publish} isPending={isPending}>
          Publish
        </Button>
      </ModalFooter>
    </Modal>
  );
}
