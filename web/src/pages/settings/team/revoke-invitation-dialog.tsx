import { useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '#api/invitations/schemas';
import { invitationsKey, revokeInvitation } from '../../../api/invitations-api.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useToast } from '../../../components/toast-context.ts';

export function RevokeInvitationDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      title="Revoke invitation?"
      message={
        <p>
          The link sent to <strong>{invitation.email}</strong> stops working at once.
        </p>
      }
      confirmLabel="Revoke invitation"
      onConfirm={async () => {
        await revokeInvitation(invitation.id);
        await queryClient.invalidateQueries({ queryKey: invitationsKey });
        toast.show(`Invitation for ${invitation.email} revoked`);
      }}
      onClose={onClose}
    />
  );
}
