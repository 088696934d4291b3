// The popup above the composer for `/` canned responses and `@` mentions: a listbox whose active
// option the textarea drives (aria-activedescendant), so typing never leaves the textarea.
import { cx } from '../../../lib/cx.ts';

export type Suggestion = { id: string; label: string; detail?: string };

type Props = {
  id: string;
  label: string;
  items: Suggestion[];
  activeIndex: number;
  isLoading: boolean;
  emptyText: string;
  onPick: (item: Suggestion) => void;
};

export function SuggestionList({ id, label, items, activeIndex, isLoading, emptyText, onPick }: Props) {
  return (
    <div className="suggestions">
      <ul id={id} role="listbox" aria-label={label} className="suggestion-list">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={cx('suggestion', index === activeIndex && 'is-active')}
            // Mouse down, not click: the textarea keeps its focus and caret.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(item);
            }}
          >
            <span className="suggestion-label">{item.label}</span>
            {item.detail && <span className="suggestion-detail">{item.detail}</span>}
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="suggestion-empty">{isLoading ? 'Searching…' : emptyText}</p>}
    </div>
  );
}
