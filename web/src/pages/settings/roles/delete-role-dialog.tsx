import { useQueryClient } from '@tanstack/react-query';
import type { Role } from '#api/roles/schemas';
import { deleteRole, rolesKey } from '../../../api/roles-api.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useToast } from '../../../components/toast-context.ts';

/** The server refuses roles still held by members, keys or invitations; the dialog shows why. */
export function DeleteRoleDialog({ role, onClose }: { role: Role; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      title="Delete role?"
      message={
        <p>
          The role <strong>{role.name}</strong> will be deleted. Roles still used by members, API keys or pending
          invitations cannot be deleted.
        </p>
      }
      confirmLabel="Delete role"
      onConfirm={async () => {
        await deleteRole(role.id);
        await queryClient.invalidateQueries({ queryKey: rolesKey });
        toast.show(`Role "${role.name}" deleted`);
      }}
      onClose={onClose}
    />
  );
}
