import { useState } from 'react';
import { useCan } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { InvitationsCard } from './invitations-card.tsx';
import { InviteMemberDialog } from './invite-member-dialog.tsx';
import { MembersCard } from './members-card.tsx';

export function TeamPage() {
  const can = useCan();
  const canManage = can('members.manage');
  const [isInviting, setInviting] = useState(false);

  return (
    <div className="page">
      <PageHeader
        title="Team"
        description="The people in this workspace and what their roles let them do."
        actions={
          canManage && (
            <Button variant="primary" icon="plus" onClick={() => setInviting(true)}>
              Invite member
            </Button>
          )
        }
      />
      <MembersCard canManage={canManage} />
      <InvitationsCard canManage={canManage} onInvite={() => setInviting(true)} />
      {isInviting && <InviteMemberDialog onClose={() => setInviting(false)} />}
    </div>
  );
}
