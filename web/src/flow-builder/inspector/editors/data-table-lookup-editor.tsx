// Data table lookup: the table, the column to search and the value to find, and which columns of
// the first matching row to keep. Columns come from the chosen table.
import { ColumnMappingList } from '../controls/column-mapping-list.tsx';
import { ResourceSelect } from '../controls/resource-select.tsx';
import { SelectField } from '../controls/select-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { useDataTables } from '../data/workspace-resources.ts';
import { fieldSpec } from '../inspector-fields.ts';
import { specProps, type EditorProps } from './editor-props.ts';

export function DataTableLookupEditor(props: EditorProps<'data_table_lookup'>) {
  const { data, onChange } = props;
  const tables = useDataTables();
  const columns = tables.tables.find((table) => table.id === data.tableId)?.columns;
  const columnLabel = fieldSpec('data_table_lookup', 'column').label;
  return (
    <>
      <ResourceSelect
        label={fieldSpec('data_table_lookup', 'tableId').label}
        path="tableId"
        value={data.tableId}
        resource={tables}
        placeholder="Choose a table…"
        emptyHint="No data tables yet: create one first."
        onChange={(tableId) => onChange({ ...data, tableId })}
      />
      {columns ? (
        <SelectField
          label={columnLabel}
          path="column"
          value={data.column}
          options={columns.map((column) => ({ value: column, label: column }))}
          placeholder="Choose a column…"
          onChange={(column) => onChange({ ...data, column })}
        />
      ) : (
        <TextField
          label={columnLabel}
          path="column"
          value={data.column}
          onChange={(column) => onChange({ ...data, column })}
        />
      )}
      <SpecField {...specProps('data_table_lookup', props, 'value')} />
      <ColumnMappingList
        label={fieldSpec('data_table_lookup', 'resultMapping').label}
        mapping={data.resultMapping}
        columns={columns}
        onChange={(resultMapping) => onChange({ ...data, resultMapping })}
      />
      <p className="inspector-note">Leaves by “Found” with the first matching row, else by “Not found”.</p>
    </>
  );
}
