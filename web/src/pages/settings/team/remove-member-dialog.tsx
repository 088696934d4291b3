import { useQueryClient } from '@tanstack/react-query';
import type { Member } from '#api/members/schemas';
import { membersKey, removeMember } from '../../../api/members-api.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useToast } from '../../../components/toast-context.ts';

export function RemoveMemberDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      title="Remove member?"
      message={
        <p>
          <strong>{member.user.name}</strong> ({member.user.email}) loses access to this workspace at once. You can
          invite them again later.
        </p>
      }
      confirmLabel="Remove member"
      onConfirm={async () => {
        await removeMember(member.id);
        await queryClient.invalidateQueries({ queryKey: membersKey });
        toast.show(`${member.user.name} was removed`);
      }}
      onClose={onClose}
    />
  );
}
