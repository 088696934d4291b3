// One row of the conversation list: who, the last message, how long they wait, tags and unread.
// Memoised: live updates refetch the list, and unchanged rows keep their objects' identity only
// per page, so the comparison is on what the row shows.
import { memo } from 'react';
import type { ConversationListItem } from '#api/inbox/schemas';
import { cx } from '../../../lib/cx.ts';
import { formatShortAgo, slaBadge, waitingLevel } from '../time-text.ts';
import { lastMessagePreview } from '../thread/message-preview.ts';
import { TagChip } from '../tag-chip.tsx';

type ConversationItemProps = {
  item: ConversationListItem;
  isOpen: boolean;
  isSelected: boolean;
  now: number;
  onOpen: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
};

export const ConversationItem = memo(function ConversationItem(props: ConversationItemProps) {
  const { item, isOpen, isSelected, now, onOpen, onToggle } = props;
  const waiting = item.waitingSince ? waitingLevel(item.waitingSince, now) : null;
  const sla = slaBadge(item.sla, now);
  const name = item.contact.displayName;
  return (
    <li
      className={cx('conv-item', isOpen && 'is-open', isSelected && 'is-selected', item.unreadCount > 0 && 'is-unread')}
      data-testid="conversation-item"
      data-conversation-id={item.id}
    >
      <input
        type="checkbox"
        className="conv-check"
        aria-label={`Select ${name}`}
        checked={isSelected}
        onChange={(event) => onToggle(item.id, (event.nativeEvent as MouseEvent).shiftKey)}
      />
      <button
        type="button"
        className="conv-open"
        aria-current={isOpen ? 'true' : undefined}
        onClick={() => onOpen(item.id)}
      >
        <span className="conv-avatar" aria-hidden="true">
          {name.charAt(0).toUpperCase()}
        </span>
        <span className="conv-body">
          <span className="conv-line">
            <span className="conv-name">{name}</span>
            <time className="conv-time" dateTime={item.lastMessageAt.toISOString()}>
              {formatShortAgo(item.lastMessageAt, now)}
            </time>
          </span>
          <span className="conv-line">
            <span className="conv-preview">
              {item.lastMessage ? lastMessagePreview(item.lastMessage) : 'No messages'}
            </span>
            {item.unreadCount > 0 && (
              <span className="conv-unread" aria-label={`${item.unreadCount} unread`}>
                {item.unreadCount}
              </span>
            )}
          </span>
          <span className="conv-meta">
            {item.status !== 'open' && <span className={`conv-status conv-status-${item.status}`}>{item.status}</span>}
            {item.priority !== 'none' && (
              <span className={`conv-priority conv-priority-${item.priority}`}>{item.priority}</span>
            )}
            {sla && (
              <span className={cx('conv-waiting', `is-${sla.level}`)} data-testid="sla-badge" title={sla.title}>
                {sla.text}
              </span>
            )}
            {waiting && (
              <span className={cx('conv-waiting', `is-${waiting.level}`)} title="Waiting for an answer">
                ⏱ {waiting.text}
              </span>
            )}
            <span className="conv-assignee">{item.assignee ? item.assignee.name : 'Unassigned'}</span>
            {item.tags.slice(0, 3).map((tag) => (
              <TagChip key={tag.id} tag={tag} />
            ))}
            {item.tags.length > 3 && <span className="conv-more-tags">+{item.tags.length - 3}</span>}
          </span>
        </span>
      </button>
    </li>
  );
});
