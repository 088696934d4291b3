// One comparison: what to check (a variable, the contact, a custom field, tags, the last reply or
// the HTTP response, and which one), how, and against what (nothing, one value or a list).
import { useId } from 'react';
import type { Condition } from '#flow-dsl/conditions';
import { SelectField } from '../controls/select-field.tsx';
import { TagInput } from '../controls/tag-input.tsx';
import { TemplateInput } from '../controls/template-input.tsx';
import { TextField } from '../controls/text-field.tsx';
import { useInspector } from '../inspector-context.ts';
import { CONTACT_KEY_OPTIONS, KEY_PLACEHOLDERS, operatorOptions, SOURCE_OPTIONS } from '../model/condition-labels.ts';
import { takesList, takesNoValue, withOperator, withSource } from '../model/condition-tree.ts';
import { toIdentifier } from '../model/names.ts';

type ConditionRowProps = { name: string; path: string; condition: Condition; onChange: (c: Condition) => void };

export function ConditionRow({ name, path, condition, onChange }: ConditionRowProps) {
  const { variables } = useInspector();
  const listId = useId();
  const { left, operator } = condition;
  const setKey = (key: string) => onChange({ ...condition, left: { ...left, key } });
  return (
    <div className="inspector-condition">
      <div className="inspector-row">
        <SelectField
          context={name}
          label="Check"
          value={left.source}
          options={SOURCE_OPTIONS}
          onChange={(source) => onChange(withSource(condition, source))}
        />
        {left.source === 'contact' && (
          <SelectField
            context={name}
            label="Contact field"
            value={left.key}
            options={CONTACT_KEY_OPTIONS}
            onChange={setKey}
          />
        )}
        {(left.source === 'var' || left.source === 'field' || left.source === 'http') && (
          <TextField
            context={name}
            label={left.source === 'var' ? 'Variable' : left.source === 'field' ? 'Field key' : 'Response part'}
            value={left.key}
            mono
            placeholder={KEY_PLACEHOLDERS[left.source]}
            list={left.source === 'var' ? listId : undefined}
            onChange={(key) => setKey(left.source === 'field' ? toIdentifier(key) : key.replace(/\s+/g, ''))}
          />
        )}
      </div>
      <datalist id={listId}>
        {variables.map((variable) => (
          <option key={variable} value={variable} />
        ))}
      </datalist>
      <SelectField
        context={name}
        label="Comparison"
        path={`${path}.operator`}
        value={operator}
        options={operatorOptions(left.source)}
        onChange={(next) => onChange(withOperator(condition, next))}
      />
      {takesList(operator) && (
        <TagInput
          context={name}
          label="Values"
          path={`${path}.values`}
          tags={condition.values ?? []}
          hint="Press Enter after each value."
          onChange={(values) => onChange({ ...condition, values })}
        />
      )}
      {!takesNoValue(operator) && !takesList(operator) && (
        <TemplateInput
          context={name}
          label="Value"
          path={`${path}.value`}
          value={condition.value ?? ''}
          placeholder={operator === 'matches_regex' ? '^[0-9]+$' : undefined}
          onChange={(value) => onChange({ ...condition, value })}
        />
      )}
    </div>
  );
}
