// Status (open, pending, resolved, or snoozed until a time) and priority.
import { useState } from 'react';
import { MAX_SNOOZE_DAYS, PRIORITIES, type ConversationDetail, type Priority } from '#api/inbox/schemas';
import { setPriority, setStatus } from '../../../api/inbox-actions-api.ts';
import { Button } from '../../../components/button.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';
import { useConversationAction } from '../use-conversation-action.ts';
import { toLocalInput } from './local-time.ts';

export function StatusSection({ conversation }: { conversation: ConversationDetail }) {
  const action = useConversationAction();
  const [snoozeAt, setSnoozeAt] = useState(() => toLocalInput(tomorrowMorning()));
  const [latest] = useState(() => toLocalInput(new Date(Date.now() + MAX_SNOOZE_DAYS * 86_400_000)));
  const id = conversation.id;
  return (
    <div className="side-block">
      <p className="side-label">
        Status: <strong data-testid="conversation-status">{conversation.status}</strong>
        {conversation.snoozedUntil && ` until ${formatTimestamp(conversation.snoozedUntil)}`}
      </p>
      <div className="side-buttons">
        {(['open', 'pending', 'resolved'] as const)
          .filter((status) => status !== conversation.status)
          .map((status) => (
            <Button
              key={status}
              size="sm"
              isPending={action.isPending}
              onClick={() => action.run(() => setStatus(id, { status }), `Marked ${status}`)}
            >
              {status === 'open' ? 'Reopen' : status === 'pending' ? 'Mark pending' : 'Resolve'}
            </Button>
          ))}
      </div>
      <div className="side-row">
        <input
          type="datetime-local"
          className="input"
          aria-label="Snooze until"
          value={snoozeAt}
          min={toLocalInput(new Date())}
          max={latest}
          onChange={(e) => setSnoozeAt(e.target.value)}
        />
        <Button
          size="sm"
          isPending={action.isPending}
          disabled={!snoozeAt}
          onClick={() =>
            action.run(
              () => setStatus(id, { status: 'snoozed', until: new Date(snoozeAt) }),
              `Snoozed until ${formatTimestamp(new Date(snoozeAt))}`,
            )
          }
        >
          Snooze
        </Button>
      </div>
      <label className="side-row">
        <span className="side-label">Priority</span>
        <select
          className="inbox-select"
          value={conversation.priority}
          onChange={(e) => action.run(() => setPriority(id, e.target.value as Priority), 'Priority changed')}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function tomorrowMorning(): Date {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}
