// The contact's earlier conversations (links that open them) and who this one was assigned to,
// when and why.
import { Link, useSearchParams } from 'react-router';
import { useAssignmentHistory, usePreviousConversations } from '../../../api/inbox-api.ts';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';
import { lastMessagePreview } from '../thread/message-preview.ts';

export function PreviousConversations({ conversationId }: { conversationId: string }) {
  const previous = usePreviousConversations(conversationId);
  const [search] = useSearchParams();
  if (previous.isPending) {
    return <LoadingState />;
  }
  if (previous.error) {
    return <ErrorState error={previous.error} onRetry={() => void previous.refetch()} />;
  }
  if (previous.data.items.length === 0) {
    return <p className="muted">This is the first conversation with this contact.</p>;
  }
  return (
    <ul className="side-list">
      {previous.data.items.map((item) => (
        <li key={item.id}>
          <Link to={{ pathname: `/inbox/${item.id}`, search: search.toString() }}>
            {formatTimestamp(item.createdAt)} · {item.status}
          </Link>
          {item.lastMessage && <p className="muted side-list-preview">{lastMessagePreview(item.lastMessage)}</p>}
        </li>
      ))}
    </ul>
  );
}

export function AssignmentHistory({ conversationId }: { conversationId: string }) {
  const history = useAssignmentHistory(conversationId);
  if (history.isPending) {
    return <LoadingState />;
  }
  if (history.error) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (history.data.items.length === 0) {
    return <p className="muted">Never assigned yet.</p>;
  }
  return (
    <ol className="side-list">
      {history.data.items.map((entry) => {
        const to = entry.to.assignee?.name ?? entry.to.team?.name ?? 'no one';
        const from = entry.from.assignee?.name ?? entry.from.team?.name;
        return (
          <li key={entry.id}>
            <span>
              {entry.kind === 'unassigned'
                ? `Unassigned${from ? ` from ${from}` : ''}`
                : entry.kind === 'transferred'
                  ? `Transferred from ${from ?? 'no one'} to ${to}`
                  : `Assigned to ${to}`}
            </span>
            <p className="muted">
              by {entry.by.name} · {formatTimestamp(entry.at)}
              {entry.reason && ` · “${entry.reason}”`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
