// Pinned notes stay above the thread: what every agent should know before replying.
import type { Note } from '#api/inbox/schemas';

export function PinnedNotes({ notes, onPin }: { notes: Note[]; onPin: (note: Note) => void }) {
  if (notes.length === 0) {
    return null;
  }
  return (
    <div className="pinned-notes" role="region" aria-label="Pinned notes">
      {notes.map((note) => (
        <div key={note.id} className="pinned-note">
          <span className="pinned-note-text">
            <strong>{note.author?.name ?? 'API'}:</strong> {note.body}
          </span>
          <button type="button" className="link-button" onClick={() => onPin(note)}>
            Unpin
          </button>
        </div>
      ))}
    </div>
  );
}
