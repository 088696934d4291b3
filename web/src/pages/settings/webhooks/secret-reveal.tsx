// A subscription's signing secret, shown once (after create or rotate): Parley keeps it encrypted
// and never shows it again.
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ModalFooter } from '../../../components/modal.tsx';

export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <>
      <div className="modal-body form-stack">
        <Alert tone="warning" title="Copy this secret now">
          It will not be shown again. Use it to check the Parley-Signature header of each delivery; rotate it if it
          leaks.
        </Alert>
        <div className="secret-box">
          <code data-testid="webhook-secret" className="secret-value">
            {secret}
          </code>
          <CopyButton text={secret} />
        </div>
      </div>
      <ModalFooter>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </ModalFooter>
    </>
  );
}
