// Set variable: name ← value pairs, applied in order (a later one sees an earlier one).
import { ItemListField } from '../controls/item-list-field.tsx';
import { TemplateInput } from '../controls/template-input.tsx';
import { VariableNameField } from '../controls/variable-name-field.tsx';
import { fieldSpec } from '../inspector-fields.ts';
import type { EditorProps } from './editor-props.ts';

export function SetVariableEditor({ data, onChange }: EditorProps<'set_variable'>) {
  return (
    <ItemListField
      label={fieldSpec('set_variable', 'assignments').label}
      path="assignments"
      itemName="Variable"
      items={data.assignments}
      onChange={(assignments) => onChange({ ...data, assignments })}
      newItem={() => ({ name: '', value: '' })}
      addLabel="Add a variable"
      hint="Set in order: a later value can use an earlier one."
      renderFields={(assignment, name, update, index) => (
        <>
          <VariableNameField
            context={name}
            label="Name"
            path={`assignments.${index}.name`}
            value={assignment.name}
            onChange={(value) => update({ name: value })}
          />
          <TemplateInput
            context={name}
            label="Value"
            path={`assignments.${index}.value`}
            value={assignment.value}
            onChange={(value) => update({ value })}
          />
        </>
      )}
    />
  );
}
