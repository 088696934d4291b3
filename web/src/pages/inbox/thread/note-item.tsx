// An internal note in the thread: yellow, never sent to the customer, with its @mentions
// highlighted and a pin toggle (pinned notes also sit at the top of the thread).
import type { Note } from '#api/inbox/schemas';
import { Icon } from '../../../components/icon.tsx';
import { cx } from '../../../lib/cx.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function NoteItem({ note, onPin }: { note: Note; onPin: (note: Note) => void }) {
  return (
    <article className={cx('note', note.pinnedAt && 'is-pinned')} data-testid="note" aria-label="Internal note">
      <header className="note-header">
        <span className="note-author">{note.author?.name ?? 'API'}</span>
        <span className="note-label">Internal note</span>
        <time dateTime={note.createdAt.toISOString()}>{timeFormat.format(note.createdAt)}</time>
        <button
          type="button"
          className="icon-button note-pin"
          aria-pressed={Boolean(note.pinnedAt)}
          aria-label={note.pinnedAt ? 'Unpin note' : 'Pin note'}
          onClick={() => onPin(note)}
        >
          <Icon name="pin" size={14} />
        </button>
      </header>
      <p className="note-body">
        {highlightMentions(
          note.body,
          note.mentions.map((m) => m.name),
        )}
      </p>
    </article>
  );
}

function highlightMentions(body: string, names: string[]) {
  if (names.length === 0) {
    return body;
  }
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(@(?:${escaped.join('|')}))`, 'g');
  return body.split(pattern).map((part, index) =>
    index % 2 === 1 ? (
      <mark key={index} className="mention">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}
