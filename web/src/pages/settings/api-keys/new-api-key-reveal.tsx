import type { CreatedApiKey } from '#api/api-keys/schemas';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ModalFooter } from '../../../components/modal.tsx';

export function NewApiKeyReveal({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <>
      <div className="modal-body form-stack">
        <Alert tone="warning" title="Copy this key now">
          It will not be shown again. Store it in your secrets manager; if you lose it, revoke it and create a new one.
        </Alert>
        <div className="secret-box">
          <code data-testid="new-api-key" className="secret-value">
            {created.key}
          </code>
          <CopyButton text={created.key} />
        </div>
        <p className="muted">
          <strong>{created.apiKey.name}</strong> acts as <strong>{created.apiKey.role.name}</strong>. Send it as{' '}
          <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </div>
      <ModalFooter>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </ModalFooter>
    </>
  );
}
