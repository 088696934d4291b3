// Google Sheets: which connection, spreadsheet (its address pasted works) and sheet, then either
// the values of a new row or the column and value to look up and which columns to keep.
import { ColumnMappingList } from '../controls/column-mapping-list.tsx';
import { ResourceSelect } from '../controls/resource-select.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { StringListField } from '../controls/string-list-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { useGoogleSheetsConnections } from '../data/workspace-resources.ts';
import { fieldSpec } from '../inspector-fields.ts';
import { spreadsheetIdFrom } from '../model/spreadsheet-id.ts';
import { specProps, type EditorProps } from './editor-props.ts';

export function GoogleSheetsEditor(props: EditorProps<'google_sheets'>) {
  const { data, onChange } = props;
  const connections = useGoogleSheetsConnections();
  const set = <K extends keyof typeof data>(key: K, value: (typeof data)[K]) => onChange({ ...data, [key]: value });
  return (
    <>
      <ResourceSelect
        label={fieldSpec('google_sheets', 'integrationId').label}
        path="integrationId"
        value={data.integrationId}
        resource={connections}
        placeholder="Choose a connection…"
        emptyHint="No Google Sheets connection yet: an admin adds one under integrations."
        onChange={(integrationId) => set('integrationId', integrationId)}
      />
      <TextField
        label={fieldSpec('google_sheets', 'spreadsheetId').label}
        path="spreadsheetId"
        value={data.spreadsheetId}
        hint={fieldSpec('google_sheets', 'spreadsheetId').hint}
        mono
        onChange={(text) => set('spreadsheetId', spreadsheetIdFrom(text))}
      />
      <SpecField {...specProps('google_sheets', props, 'sheet')} />
      <SpecField {...specProps('google_sheets', props, 'action')} />
      {data.action === 'append' ? (
        <StringListField
          label={fieldSpec('google_sheets', 'values').label}
          path="values"
          itemLabel="Column"
          values={data.values}
          template
          hint="One value per column, left to right."
          onChange={(values) => set('values', values)}
        />
      ) : (
        <>
          <SpecField {...specProps('google_sheets', props, 'lookupColumn')} />
          <SpecField {...specProps('google_sheets', props, 'lookupValue')} />
          <ColumnMappingList
            label="Save columns as variables"
            mapping={data.resultMapping}
            onChange={(m) => set('resultMapping', m)}
          />
        </>
      )}
    </>
  );
}
