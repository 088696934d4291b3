// Update contact: which field (the name or a custom field by key) gets which value.
import type { ContactUpdate } from '#flow-dsl/nodes/update_contact/schema';
import { useState } from 'react';
import { ItemListField } from '../controls/item-list-field.tsx';
import { SelectField } from '../controls/select-field.tsx';
import { TemplateInput } from '../controls/template-input.tsx';
import { TextField } from '../controls/text-field.tsx';
import { fieldSpec } from '../inspector-fields.ts';
import { formatContactField, parseContactField } from '../model/names.ts';
import type { EditorProps } from './editor-props.ts';

const FIELD_KINDS = [
  { value: 'name', label: 'Name' },
  { value: 'custom', label: 'Custom field' },
];

export function UpdateContactEditor({ data, onChange }: EditorProps<'update_contact'>) {
  return (
    <ItemListField
      label={fieldSpec('update_contact', 'updates').label}
      path="updates"
      itemName="Field"
      items={data.updates}
      onChange={(updates) => onChange({ ...data, updates })}
      newItem={() => ({ field: '', value: '' })}
      addLabel="Add a field"
      renderFields={(update, name, patch, index) => (
        <ContactUpdateFields update={update} name={name} index={index} onPatch={patch} />
      )}
    />
  );
}

type ContactUpdateFieldsProps = {
  update: ContactUpdate;
  name: string;
  index: number;
  onPatch: (patch: Partial<ContactUpdate>) => void;
};

function ContactUpdateFields({ update, name, index, onPatch }: ContactUpdateFieldsProps) {
  const parsed = parseContactField(update.field);
  // "Custom field" with no key yet stores a blank field, so the choice is remembered here.
  const [chosen, setKind] = useState<string>('custom');
  const kind = parsed.kind === 'none' ? chosen : parsed.kind;
  const key = parsed.kind === 'custom' ? parsed.key : '';
  return (
    <>
      <SelectField
        context={name}
        label="Which field"
        path={`updates.${index}.field`}
        value={kind}
        options={FIELD_KINDS}
        onChange={(next) => {
          setKind(next);
          onPatch({ field: next === 'name' ? 'name' : formatContactField({ kind: 'custom', key }) });
        }}
      />
      {kind === 'custom' && (
        <TextField
          context={name}
          label="Custom field key"
          value={key}
          mono
          placeholder="plan"
          onChange={(next) => onPatch({ field: formatContactField({ kind: 'custom', key: next }) })}
        />
      )}
      <TemplateInput
        context={name}
        label="New value"
        path={`updates.${index}.value`}
        value={update.value}
        onChange={(value) => onPatch({ value })}
      />
    </>
  );
}
