// Tags as chips: type and press Enter (or a comma) to add, Backspace in the empty box removes the
// last one, each chip has its own remove button.
import { useId, useState } from 'react';
import { FieldShell, fullLabel } from './field-shell.tsx';
import { useInspector } from '../inspector-context.ts';

type TagInputProps = {
  label: string;
  context?: string;
  path: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  hint?: string;
};

export function TagInput({ label, context, path, tags, onChange, hint }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const { diagnosticsAt } = useInspector();
  const add = () => {
    const tag = draft.trim().replace(/,$/, '');
    if (tag !== '' && !tags.includes(tag)) {
      onChange([...tags, tag]);
    }
    setDraft('');
  };
  return (
    <FieldShell label={label} context={context} path={path} hint={hint ?? 'Press Enter after each tag.'}>
      {({ control }) => (
        <div className="inspector-chips">
          <ul className="inspector-chip-list" id={listId} aria-label={fullLabel(label, context)}>
            {tags.map((tag, index) => (
              <li key={`${tag}-${index}`} className={diagnosticsAt(`${path}.${index}`).length > 0 ? 'is-invalid' : ''}>
                <span className="inspector-chip">
                  {tag.trim() === '' ? <em>blank</em> : tag}
                  <button
                    type="button"
                    className="inspector-chip-remove"
                    aria-label={`Remove tag ${tag}`}
                    onClick={() => onChange(tags.filter((_, i) => i !== index))}
                  >
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <input
            className="inspector-chip-input"
            value={draft}
            placeholder={tags.length === 0 ? 'vip, newsletter…' : 'Add a tag'}
            onChange={(event) => (event.target.value.endsWith(',') ? add() : setDraft(event.target.value))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
                onChange(tags.slice(0, -1));
              }
            }}
            onBlur={add}
            {...control}
          />
        </div>
      )}
    </FieldShell>
  );
}
