// "Save columns as variables" of Google Sheets and data tables: variable ← column of the found row.
import type { ColumnMapping } from '#flow-dsl/nodes/shared/fields';
import { ItemListField } from './item-list-field.tsx';
import { SelectField } from './select-field.tsx';
import { TextField } from './text-field.tsx';
import { VariableNameField } from './variable-name-field.tsx';

type ColumnMappingListProps = {
  label: string;
  mapping: readonly ColumnMapping[];
  onChange: (mapping: ColumnMapping[]) => void;
  /** The columns to choose from, when known; else the column is typed. */
  columns?: readonly string[];
};

export function ColumnMappingList({ label, mapping, onChange, columns }: ColumnMappingListProps) {
  return (
    <ItemListField
      label={label}
      path="resultMapping"
      itemName="Saved column"
      items={mapping}
      onChange={onChange}
      newItem={() => ({ variable: '', column: '' })}
      addLabel="Save a column"
      hint="Copies a column of the row found into a variable."
      renderFields={(item, name, update, index) => (
        <>
          {columns ? (
            <SelectField
              context={name}
              label="Column"
              path={`resultMapping.${index}.column`}
              value={item.column}
              options={columns.map((column) => ({ value: column, label: column }))}
              placeholder="Choose a column…"
              onChange={(column) => update({ column })}
            />
          ) : (
            <TextField
              context={name}
              label="Column"
              path={`resultMapping.${index}.column`}
              value={item.column}
              onChange={(column) => update({ column })}
            />
          )}
          <VariableNameField
            context={name}
            label="Save as"
            path={`resultMapping.${index}.variable`}
            value={item.variable}
            hint=""
            onChange={(variable) => update({ variable })}
          />
        </>
      )}
    />
  );
}
