// Picks when (and, when editing, what) to send later. The time is the agent's local time; the
// API stores the instant.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error.ts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { toLocalInput } from '../side/local-time.ts';

type Props = {
  title: string;
  initialText: string;
  initialAt?: Date;
  onSave: (text: string, sendAt: string) => Promise<void>;
  onClose: () => void;
};

export function ScheduleDialog({ title, initialText, initialAt, onSave, onClose }: Props) {
  const [text, setText] = useState(initialText);
  const [when, setWhen] = useState(() => toLocalInput(initialAt ?? new Date(Date.now() + 3600_000)));
  const [earliest] = useState(() => toLocalInput(new Date(Date.now() + 60_000)));
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = new Date(when);
    if (!text.trim() || Number.isNaN(at.getTime())) {
      return;
    }
    setPending(true);
    onSave(text.trim(), at.toISOString()).then(onClose, (failure: unknown) => {
      setError(failure);
      setPending(false);
    });
  };
  return (
    <Modal title={title} onClose={onClose} size="sm">
      <form onSubmit={submit}>
        <div className="modal-body">
          <label className="field">
            <span className="field-label">Message</span>
            <textarea className="input" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Send at</span>
            <input
              type="datetime-local"
              className="input"
              value={when}
              min={earliest}
              onChange={(e) => setWhen(e.target.value)}
            />
          </label>
          {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={isPending} disabled={!text.trim()}>
            Schedule
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
