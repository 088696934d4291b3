// A repeated field of small records (headers, assignments, mappings): one card per entry with its
// own fields, reorder and remove, and an add button.
import type { ReactNode } from 'react';
import { useInspector } from '../inspector-context.ts';
import { appendItem, moveItem, patchItem, removeItem } from '../model/list-ops.ts';
import { AddItemButton } from './add-item-button.tsx';
import { DiagnosticList } from './diagnostic-list.tsx';
import { ItemCard } from './item-card.tsx';

type ItemListFieldProps<T extends object> = {
  label: string;
  path: string;
  /** "Header" → cards "Header 1", "Header 2"… */
  itemName: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  addLabel: string;
  hint?: ReactNode;
  max?: number;
  renderFields: (item: T, name: string, update: (patch: Partial<T>) => void, index: number) => ReactNode;
};

export function ItemListField<T extends object>(props: ItemListFieldProps<T>) {
  const { label, path, itemName, items, onChange, newItem, addLabel, hint, max, renderFields } = props;
  const { diagnosticsAt, nodeId } = useInspector();
  const blocker = max !== undefined && items.length >= max ? `At most ${max}.` : null;
  return (
    <fieldset className="plain-fieldset inspector-group">
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <DiagnosticList diagnostics={diagnosticsAt(path)} nodeId={nodeId} />
      {items.length > 0 && (
        <ol className="inspector-items">
          {items.map((item, index) => {
            const name = `${itemName} ${index + 1}`;
            return (
              <ItemCard
                key={index}
                name={name}
                path={`${path}.${index}`}
                index={index}
                count={items.length}
                onMove={(from, to) => onChange(moveItem(items, from, to))}
                onRemove={() => onChange(removeItem(items, index))}
              >
                {renderFields(item, name, (patch) => onChange(patchItem(items, index, patch)), index)}
              </ItemCard>
            );
          })}
        </ol>
      )}
      <AddItemButton label={addLabel} blocker={blocker} onClick={() => onChange(appendItem(items, newItem()))} />
    </fieldset>
  );
}
