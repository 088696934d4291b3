// A sticky note on the canvas: text the team reads next to the nodes it explains. Resizable, in
// four colours; the validator and the engine ignore notes.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { STICKY_NOTE_COLORS, type StickyNote as Note } from '#flow-dsl/document';
import type { NoteCanvasNode } from './to-react-flow.ts';

export type NoteActions = { update: (noteId: string, patch: Partial<Omit<Note, 'id'>>) => void; readOnly: boolean };
export const NoteActionsContext = createContext<NoteActions>({ update: () => undefined, readOnly: true });

export const StickyNote = memo(function StickyNote({ data, selected }: NodeProps<NoteCanvasNode>) {
  const { note } = data;
  const { update, readOnly } = useContext(NoteActionsContext);
  return (
    <div className={`fb-note fb-note-${note.color}`} data-testid="sticky-note">
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={140}
        minHeight={80}
        onResizeEnd={(_event, size) =>
          update(note.id, { width: size.width, height: size.height, position: { x: size.x, y: size.y } })
        }
      />
      <textarea
        className="fb-note-text nodrag"
        aria-label="Note"
        placeholder="Write a note for your team"
        value={note.text}
        maxLength={2000}
        readOnly={readOnly}
        onChange={(e) => update(note.id, { text: e.target.value })}
      />
      {selected && !readOnly && (
        <div className="fb-note-colors">
          {STICKY_NOTE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`fb-note-swatch fb-note-${color}`}
              aria-label={`${color} note`}
              aria-pressed={note.color === color}
              onClick={() => update(note.id, { color })}
            />
          ))}
        </div>
      )}
    </div>
  );
});
