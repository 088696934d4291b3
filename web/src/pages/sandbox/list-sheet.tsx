// The "choose" sheet of a list message: the rows slide up over the chat; tapping one answers.
import { useEffect, useId } from 'react';
import { Icon } from '../../components/icon.tsx';
import type { ListMessage } from './message-parts.ts';

type ListSheetProps = { list: ListMessage; onChoose: (rowId: string) => void; onClose: () => void };

export function ListSheet({ list, onChoose, onClose }: ListSheetProps) {
  const titleId = useId();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onClose();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <div className="sheet-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="sheet-header">
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
          <h3 id={titleId}>{list.action.button}</h3>
        </header>
        <div className="sheet-body">
          {list.action.sections.map((section, sectionIndex) => (
            <section key={sectionIndex}>
              {section.title && <p className="sheet-section">{section.title}</p>}
              <ul className="sheet-rows">
                {section.rows.map((row, rowIndex) => (
                  <li key={row.id}>
                    <button
                      type="button"
                      className="sheet-row"
                      autoFocus={sectionIndex === 0 && rowIndex === 0}
                      onClick={() => onChoose(row.id)}
                    >
                      <span className="sheet-row-title">{row.title}</span>
                      {row.description && <span className="sheet-row-description">{row.description}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
