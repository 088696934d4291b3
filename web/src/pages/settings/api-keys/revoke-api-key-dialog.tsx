import { useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '#api/api-keys/schemas';
import { apiKeysKey, revokeApiKey } from '../../../api/api-keys-api.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useToast } from '../../../components/toast-context.ts';

export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      title="Revoke API key?"
      message={
        <p>
          <strong>{apiKey.name}</strong> stops working at once. Anything still using it will get errors. This cannot be
          undone.
        </p>
      }
      confirmLabel="Revoke key"
      onConfirm={async () => {
        await revokeApiKey(apiKey.id);
        await queryClient.invalidateQueries({ queryKey: apiKeysKey });
        toast.show(`API key "${apiKey.name}" revoked`);
      }}
      onClose={onClose}
    />
  );
}
