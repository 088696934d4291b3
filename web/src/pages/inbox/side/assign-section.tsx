// Assign, transfer or unassign, with an optional reason kept in the assignment history. Picking
// an agent and/or a team and pressing the button applies both; a team alone puts it in that
// team's queue.
import { useState } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { assign, unassign } from '../../../api/inbox-actions-api.ts';
import { useInboxMembers, useInboxTeams } from '../../../api/inbox-meta-api.ts';
import { useCan } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { useConversationAction } from '../use-conversation-action.ts';

export function AssignSection({ conversation }: { conversation: ConversationDetail }) {
  const can = useCan();
  const members = useInboxMembers().data ?? [];
  const teams = useInboxTeams().data ?? [];
  const action = useConversationAction();
  const [userId, setUserId] = useState(conversation.assignee?.userId ?? '');
  const [teamId, setTeamId] = useState(conversation.team?.id ?? '');
  const [reason, setReason] = useState('');
  const currentUser = conversation.assignee?.userId ?? '';
  const currentTeam = conversation.team?.id ?? '';
  const isChanged = userId !== currentUser || teamId !== currentTeam;
  const verb = conversation.assignee && userId && userId !== currentUser ? 'Transfer' : 'Assign';

  if (!can('inbox.assign')) {
    return (
      <p className="side-label">
        Assigned to <strong>{conversation.assignee?.name ?? 'no one'}</strong>
        {conversation.team && ` · team ${conversation.team.name}`}
      </p>
    );
  }
  const apply = () =>
    action.run(
      () =>
        assign(conversation.id, {
          ...(userId !== currentUser ? { userId: userId || null } : {}),
          ...(teamId !== currentTeam ? { teamId: teamId || null } : {}),
          reason: reason.trim() || undefined,
        }),
      `${verb === 'Transfer' ? 'Transferred' : 'Assigned'}`,
    );
  return (
    <div className="side-block">
      <label className="side-row">
        <span className="side-label">Agent</span>
        <select className="inbox-select" aria-label="Agent" value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">No one</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="side-row">
        <span className="side-label">Team</span>
        <select className="inbox-select" aria-label="Team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {isChanged && (
        <input
          className="input"
          aria-label="Reason (optional)"
          placeholder="Reason (optional, shown in the history)"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <div className="side-buttons">
        <Button size="sm" variant="primary" disabled={!isChanged} isPending={action.isPending} onClick={apply}>
          {verb}
        </Button>
        {(currentUser || currentTeam) && (
          <Button
            size="sm"
            isPending={action.isPending}
            onClick={() => action.run(() => unassign(conversation.id, reason.trim() || undefined), 'Unassigned')}
          >
            Unassign
          </Button>
        )}
      </div>
    </div>
  );
}
