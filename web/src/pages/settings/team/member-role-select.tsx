import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '#api/members/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { changeMemberRole, membersKey } from '../../../api/members-api.ts';
import { rolesKey, useGrantableRoles } from '../../../api/roles-api.ts';
import { Spinner } from '../../../components/spinner.tsx';
import { useToast } from '../../../components/toast-context.ts';

/** Changes a member's role as soon as another one is picked; the server has the last word. */
export function MemberRoleSelect({ member }: { member: Member }) {
  const { roles } = useGrantableRoles();
  const queryClient = useQueryClient();
  const toast = useToast();
  const change = useMutation({
    mutationFn: (roleId: string) => changeMemberRole(member.id, roleId),
    onSuccess: (updated) => {
      toast.show(`${updated.user.name} is now ${updated.role.name}`);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: membersKey }),
        queryClient.invalidateQueries({ queryKey: rolesKey }),
      ]);
    },
    onError: (error) => toast.show(errorMessage(error), 'error'),
  });
  const options = roles.some((r) => r.id === member.role.id) ? roles : [member.role, ...roles];

  return (
    <span className="inline-select">
      <select
        className="input select input-sm"
        aria-label={`Role of ${member.user.name}`}
        value={change.isPending ? change.variables : member.role.id}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value)}
      >
        {options.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </select>
      {change.isPending && <Spinner />}
    </span>
  );
}
