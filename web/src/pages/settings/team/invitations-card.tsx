import { useState } from 'react';
import type { Invitation } from '#api/invitations/schemas';
import { useInvitations } from '../../../api/invitations-api.ts';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { formatDate, formatRelative } from '../../../lib/format-date.ts';
import { RevokeInvitationDialog } from './revoke-invitation-dialog.tsx';

const STATUS_TONE: Record<Invitation['status'], BadgeTone> = {
  pending: 'amber',
  accepted: 'green',
  expired: 'neutral',
  revoked: 'red',
};

const STATUS_LABEL: Record<Invitation['status'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function InvitationsCard({ canManage, onInvite }: { canManage: boolean; onInvite: () => void }) {
  const invitations = useInvitations();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  return (
    <Card title="Invitations" description="Invitations that have not been accepted yet." flush>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.error ? (
        <ErrorState error={invitations.error} onRetry={invitations.refetch} />
      ) : invitations.items.length === 0 ? (
        <EmptyState
          icon="users"
          title="No pending invitations"
          description="Invite teammates by e-mail and pick the role they start with."
          action={canManage && <Button onClick={onInvite}>Invite member</Button>}
        />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {invitations.items.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="cell-strong cell-break">{invitation.email}</td>
                  <td>{invitation.role.name}</td>
                  <td>
                    <Badge tone={STATUS_TONE[invitation.status]}>{STATUS_LABEL[invitation.status]}</Badge>
                  </td>
                  <td className="cell-muted">{formatRelative(invitation.createdAt)}</td>
                  <td className="cell-muted">{formatDate(invitation.expiresAt)}</td>
                  {canManage && (
                    <td className="cell-actions">
                      {invitation.status === 'pending' && (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Revoke invitation for ${invitation.email}`}
                          onClick={() => setToRevoke(invitation)}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={invitations.hasMore} isLoading={invitations.isLoadingMore} onLoadMore={invitations.loadMore} />
      {toRevoke && <RevokeInvitationDialog invitation={toRevoke} onClose={() => setToRevoke(null)} />}
    </Card>
  );
}
