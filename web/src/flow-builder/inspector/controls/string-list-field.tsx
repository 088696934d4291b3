// A list of texts edited one per box (template parameters {{1}}, {{2}}…; a sheet row's columns).
import { AddItemButton } from './add-item-button.tsx';
import { ItemCard } from './item-card.tsx';
import { TemplateInput } from './template-input.tsx';
import { TextField } from './text-field.tsx';
import { appendItem, moveItem, removeItem, replaceItem } from '../model/list-ops.ts';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from './diagnostic-list.tsx';

type StringListFieldProps = {
  label: string;
  path: string;
  /** Names each entry: "Body" → "Body {{1}}" when `numbered`, else "Column 1". */
  itemLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  template: boolean;
  numbered?: boolean;
  hint?: string;
};

export function StringListField({
  label,
  path,
  itemLabel,
  values,
  onChange,
  template,
  numbered,
  hint,
}: StringListFieldProps) {
  const { diagnosticsAt, nodeId } = useInspector();
  const nameOf = (index: number) => (numbered ? `${itemLabel} {{${index + 1}}}` : `${itemLabel} ${index + 1}`);
  return (
    <fieldset className="plain-fieldset inspector-group">
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <DiagnosticList diagnostics={diagnosticsAt(path)} nodeId={nodeId} />
      <ol className="inspector-items">
        {values.map((value, index) => {
          const Field = template ? TemplateInput : TextField;
          return (
            <ItemCard
              key={index}
              name={nameOf(index)}
              path={`${path}.${index}`}
              index={index}
              count={values.length}
              onMove={(from, to) => onChange(moveItem(values, from, to))}
              onRemove={() => onChange(removeItem(values, index))}
            >
              <Field
                context={nameOf(index)}
                label="Value"
                value={value}
                onChange={(next) => onChange(replaceItem(values, index, next))}
              />
            </ItemCard>
          );
        })}
      </ol>
      <AddItemButton
        label={`Add ${itemLabel.toLowerCase()} ${numbered ? 'parameter' : 'value'}`}
        onClick={() => onChange(appendItem(values, ''))}
      />
    </fieldset>
  );
}
