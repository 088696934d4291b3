import { useState } from 'react';
import type { Member } from '#api/members/schemas';
import { useMembers } from '../../../api/members-api.ts';
import { useSession } from '../../../auth/use-session.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { formatRelative } from '../../../lib/format-date.ts';
import { MemberRoleSelect } from './member-role-select.tsx';
import { RemoveMemberDialog } from './remove-member-dialog.tsx';

export function MembersCard({ canManage }: { canManage: boolean }) {
  const { user } = useSession();
  const members = useMembers();
  const [toRemove, setToRemove] = useState<Member | null>(null);

  return (
    <Card title="Members" flush>
      {members.isPending ? (
        <LoadingState />
      ) : members.error ? (
        <ErrorState error={members.error} onRetry={members.refetch} />
      ) : members.items.length === 0 ? (
        <EmptyState icon="users" title="No members yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">2FA</th>
                <th scope="col">Last login</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.items.map((member) => {
                const isSelf = member.user.id === user.id;
                return (
                  <tr key={member.id}>
                    <td className="cell-strong">
                      {member.user.name} {isSelf && <Badge tone="blue">You</Badge>}
                    </td>
                    <td className="cell-muted cell-break">{member.user.email}</td>
                    <td>{canManage && !isSelf ? <MemberRoleSelect member={member} /> : member.role.name}</td>
                    <td>
                      {member.user.totpEnabled ? <Badge tone="green">On</Badge> : <Badge tone="neutral">Off</Badge>}
                    </td>
                    <td className="cell-muted">
                      {member.user.lastLoginAt ? formatRelative(member.user.lastLoginAt) : 'Never'}
                    </td>
                    {canManage && (
                      <td className="cell-actions">
                        {!isSelf && (
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Remove ${member.user.name}`}
                            onClick={() => setToRemove(member)}
                          >
                            Remove
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={members.hasMore} isLoading={members.isLoadingMore} onLoadMore={members.loadMore} />
      {toRemove && <RemoveMemberDialog member={toRemove} onClose={() => setToRemove(null)} />}
    </Card>
  );
}
