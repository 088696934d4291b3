// Draws one field from its spec (inspector-fields.ts): the shared editor for every kind that needs
// no node-specific component. Editors of simple nodes are just a list of these.
import type { ReactNode } from 'react';
import type { FieldSpec } from '../field-spec.ts';
import { useInspector } from '../inspector-context.ts';
import { jsonTemplateProblem } from '../model/json-template.ts';
import { DurationField } from './duration-field.tsx';
import { NumberField } from './number-field.tsx';
import { SelectField } from './select-field.tsx';
import { StringListField } from './string-list-field.tsx';
import { TagInput } from './tag-input.tsx';
import { TemplateArea } from './template-area.tsx';
import { TemplateInput } from './template-input.tsx';
import { TextField } from './text-field.tsx';
import { ToggleField } from './toggle-field.tsx';
import { VariableNameField } from './variable-name-field.tsx';

export type FieldValue = string | number | boolean | string[] | undefined;
export type SpecFieldProps = {
  spec: FieldSpec;
  path: string;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
};

const text = (value: FieldValue) => (typeof value === 'string' ? value : '');
const strings = (value: FieldValue) => (Array.isArray(value) ? value : []);
const number = (value: FieldValue) => (typeof value === 'number' ? value : 0);

export function SpecField({ spec, path, value, onChange }: SpecFieldProps): ReactNode {
  const { flows } = useInspector();
  const common = { label: spec.label, path, hint: spec.hint };
  switch (spec.kind) {
    case 'message':
      return <TemplateArea {...common} value={text(value)} onChange={onChange} limit={spec.limit} hasPreview />;
    case 'json':
      return (
        <TemplateArea
          {...common}
          value={text(value)}
          onChange={onChange}
          mono
          problem={jsonTemplateProblem(text(value))}
          placeholder={'{\n  "email": "{{vars.email}}"\n}'}
        />
      );
    case 'template':
      return (
        <TemplateInput
          {...common}
          value={text(value)}
          onChange={onChange}
          limit={spec.limit}
          placeholder={spec.placeholder}
        />
      );
    case 'text':
      return (
        <TextField
          {...common}
          value={text(value)}
          onChange={onChange}
          limit={spec.limit}
          placeholder={spec.placeholder}
        />
      );
    case 'longtext':
      return <TextField {...common} value={text(value)} onChange={onChange} multiline />;
    case 'variable':
      return <VariableNameField {...common} value={text(value)} onChange={onChange} />;
    case 'number':
      return (
        <NumberField
          {...common}
          value={number(value)}
          onChange={(next) => onChange(next ?? spec.min)}
          min={spec.min}
          max={spec.max}
          integer={spec.integer}
          unit={spec.unit}
        />
      );
    case 'duration':
      return <DurationField {...common} seconds={number(value)} onChange={onChange} min={spec.min} max={spec.max} />;
    case 'select':
      return <SelectField {...common} value={text(value)} options={spec.options} onChange={onChange} />;
    case 'toggle':
      return <ToggleField label={spec.label} hint={spec.hint} checked={value === true} onChange={onChange} />;
    case 'flow': {
      const options = flows.map((flow) => ({ value: flow.id, label: flow.name }));
      return (
        <SelectField
          {...common}
          value={text(value)}
          options={options}
          onChange={onChange}
          placeholder="Choose a flow…"
        />
      );
    }
    case 'tags':
      return <TagInput {...common} tags={strings(value)} onChange={onChange} />;
    case 'strings':
      return (
        <StringListField
          {...common}
          itemLabel={spec.itemLabel}
          values={strings(value)}
          onChange={onChange}
          template={spec.template}
          numbered
        />
      );
    default:
      return null; // items and custom fields are drawn by their node's editor
  }
}
