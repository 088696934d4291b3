// Who the conversation is with, how long the agent may still reply freely, and the two actions
// agents use most: take it (assign to me) and resolve (or reopen).
import type { ConversationDetail } from '#api/inbox/schemas';
import { assign, setStatus, take } from '../../../api/inbox-actions-api.ts';
import { useCan, useSession } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { cx } from '../../../lib/cx.ts';
import { useNow } from '../use-now.ts';
import { windowState } from '../time-text.ts';
import { useConversationAction } from '../use-conversation-action.ts';

type Props = { conversation: ConversationDetail; onClose: () => void; isSideOpen: boolean; onToggleSide: () => void };

export function ThreadHeader({ conversation, onClose, isSideOpen, onToggleSide }: Props) {
  const { user } = useSession();
  const can = useCan();
  const action = useConversationAction();
  const now = useNow(30_000);
  const window = windowState(conversation.windowClosesAt, now);
  const isMine = conversation.assignee?.userId === user.id;
  const isResolved = conversation.status === 'resolved';
  return (
    <header className="thread-header">
      <button type="button" className="icon-button thread-back" aria-label="Back to the list" onClick={onClose}>
        <Icon name="arrowLeft" size={18} />
      </button>
      <div className="thread-title">
        <h2>{conversation.contact.displayName}</h2>
        <p className="muted">
          {conversation.contact.phone} · {conversation.channel.name} ·{' '}
          <span className={cx('window-state', !window.isOpen && 'is-closed', window.isEnding && 'is-ending')}>
            {window.text}
          </span>
        </p>
      </div>
      <div className="thread-actions">
        <span className="thread-assignee" data-testid="thread-assignee">
          {conversation.assignee ? `Assigned to ${isMine ? 'you' : conversation.assignee.name}` : 'Unassigned'}
        </span>
        {/* Taking it needs inbox.assign only from someone else (a transfer). */}
        {!isMine && (can('inbox.assign') || (can('inbox.reply') && !conversation.assignee)) && (
          <Button
            size="sm"
            variant="primary"
            isPending={action.isPending}
            onClick={() =>
              action.run(
                () => (can('inbox.assign') ? assign(conversation.id, { userId: user.id }) : take(conversation.id)),
                'Assigned to you',
              )
            }
          >
            Assign to me
          </Button>
        )}
        {can('inbox.reply') && (
          <Button
            size="sm"
            icon={isResolved ? undefined : 'check'}
            isPending={action.isPending}
            onClick={() =>
              action.run(
                () => setStatus(conversation.id, { status: isResolved ? 'open' : 'resolved' }),
                isResolved ? 'Reopened' : 'Resolved',
              )
            }
          >
            {isResolved ? 'Reopen' : 'Resolve'}
          </Button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Contact details"
          aria-pressed={isSideOpen}
          title={isSideOpen ? 'Hide contact details' : 'Show contact details'}
          onClick={onToggleSide}
        >
          <Icon name="users" size={17} />
        </button>
      </div>
    </header>
  );
}
