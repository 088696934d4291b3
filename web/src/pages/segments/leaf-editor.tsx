// One condition: a subject picker (contact, opt-in and engagement fields, custom fields, tags,
// groups, flows, messages), the operators that fit it, and a value input of the right kind
// (text, number, date picker, dropdown options, option checkboxes, a list, a number of days).
import { operandOf, type Operator, type SegmentLeaf } from '#api/segments/schemas';
import { Button } from '../../components/button.tsx';
import {
  fieldOf,
  newLeaf,
  OPERATOR_LABELS,
  OPT_IN_LABELS,
  operatorsFor,
  subjectOf,
  subjectSections,
  withOperator,
  type Catalog,
} from './condition-catalog.ts';

type Props = {
  leaf: SegmentLeaf;
  catalog: Catalog;
  onChange: (leaf: SegmentLeaf) => void;
  onRemove: () => void;
};

export function LeafEditor({ leaf, catalog, onChange, onRemove }: Props) {
  return (
    <div className="segment-leaf" data-testid="segment-condition">
      <select
        className="input"
        aria-label="Field"
        value={subjectOf(leaf)}
        onChange={(e) => onChange(newLeaf(e.target.value, catalog))}
      >
        {subjectSections(catalog).map((section) => (
          <optgroup key={section.label} label={section.label}>
            {section.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select
        className="input"
        aria-label="Operator"
        value={leaf.op}
        onChange={(e) => onChange(withOperator(leaf, catalog, e.target.value))}
      >
        {operatorsFor(leaf, catalog).map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op] ?? op}
          </option>
        ))}
      </select>
      <Operand leaf={leaf} catalog={catalog} onChange={onChange} />
      <Button size="sm" variant="ghost" icon="close" aria-label="Remove condition" onClick={onRemove} />
    </div>
  );
}

function Operand({ leaf, catalog, onChange }: Omit<Props, 'onRemove'>) {
  switch (leaf.kind) {
    case 'tags':
      return <ListInput label="Tags" values={leaf.values} onChange={(values) => onChange({ ...leaf, values })} />;
    case 'contact_group':
      return (
        <Choices
          label="Groups"
          options={catalog.groups.map((g) => [g.id, g.label])}
          values={leaf.groupIds}
          onChange={(groupIds) => onChange({ ...leaf, groupIds })}
          empty="No groups yet"
        />
      );
    case 'flow':
      return (
        <>
          <select
            className="input"
            aria-label="Flow"
            value={leaf.flowId}
            onChange={(e) => onChange({ ...leaf, flowId: e.target.value })}
          >
            {catalog.flows.length === 0 && <option value="">No flows yet</option>}
            {catalog.flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </select>
          <DaysInput optional days={leaf.days} onChange={(days) => onChange({ ...leaf, days })} />
        </>
      );
    case 'campaign':
      return (
        <select
          className="input"
          aria-label="Campaign"
          value={leaf.campaignId}
          onChange={(e) => onChange({ ...leaf, campaignId: e.target.value })}
        >
          {catalog.campaigns.length === 0 && <option value="">No campaigns yet</option>}
          {catalog.campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
      );
    case 'message':
      return (
        <>
          <input
            className="input"
            aria-label="Text"
            value={leaf.value}
            onChange={(e) => onChange({ ...leaf, value: e.target.value })}
          />
          <DaysInput days={leaf.days} onChange={(days) => onChange({ ...leaf, days: days ?? 30 })} />
        </>
      );
    default:
      return <FieldOperand leaf={leaf} catalog={catalog} onChange={onChange} />;
  }
}

function FieldOperand({ leaf, catalog, onChange }: Omit<Props, 'onRemove'>) {
  if (leaf.kind !== 'field' && leaf.kind !== 'custom') {
    return null;
  }
  const field = fieldOf(leaf, catalog);
  const operand = operandOf(leaf.op as Operator);
  const label = (key: string) => (leaf.kind === 'field' && leaf.field === 'optInStatus' ? OPT_IN_LABELS[key] : key);
  if (operand === 'days') {
    return <DaysInput days={leaf.days} onChange={(days) => onChange({ ...leaf, days: days ?? 1 })} />;
  }
  if (operand === 'values') {
    return field && field.options.length > 0 ? (
      <Choices
        label="Values"
        options={field.options.map((o) => [o, label(o) ?? o])}
        values={leaf.values ?? []}
        onChange={(values) => onChange({ ...leaf, values })}
        empty="No options"
      />
    ) : (
      <ListInput label="Values" values={leaf.values ?? []} onChange={(values) => onChange({ ...leaf, values })} />
    );
  }
  if (operand === 'none') {
    return null;
  }
  if (field?.type === 'dropdown') {
    return (
      <select
        className="input"
        aria-label="Value"
        value={String(leaf.value ?? '')}
        onChange={(e) => onChange({ ...leaf, value: e.target.value })}
      >
        {field.options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    );
  }
  const type = field?.type === 'number' ? 'number' : field?.type === 'date' ? 'date' : 'text';
  return (
    <input
      className="input"
      aria-label="Value"
      type={type}
      value={String(leaf.value ?? '')}
      onChange={(e) => onChange({ ...leaf, value: type === 'number' ? Number(e.target.value || 0) : e.target.value })}
    />
  );
}

function DaysInput({
  days,
  optional = false,
  onChange,
}: {
  days: number | undefined;
  optional?: boolean;
  onChange: (days: number | undefined) => void;
}) {
  return (
    <label className="segment-days">
      {optional ? 'in the last' : ''}
      <input
        className="input"
        aria-label="Days"
        type="number"
        min={1}
        placeholder={optional ? 'any' : ''}
        value={days ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Math.max(1, Math.round(Number(e.target.value))))}
      />
      days
    </label>
  );
}

/** A comma-separated list (tags, text values). */
function ListInput({ label, values, onChange }: { label: string; values: string[]; onChange: (v: string[]) => void }) {
  return (
    <input
      className="input"
      aria-label={label}
      placeholder="one, two, three"
      defaultValue={values.join(', ')}
      onChange={(e) =>
        onChange(
          e.target.value
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v !== ''),
        )
      }
    />
  );
}

function Choices({
  label,
  options,
  values,
  onChange,
  empty,
}: {
  label: string;
  options: Array<[string, string]>;
  values: string[];
  onChange: (values: string[]) => void;
  empty: string;
}) {
  if (options.length === 0) {
    return <span className="cell-muted">{empty}</span>;
  }
  return (
    <fieldset className="segment-choices" aria-label={label}>
      {options.map(([value, text]) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={values.includes(value)}
            onChange={(e) => onChange(e.target.checked ? [...values, value] : values.filter((v) => v !== value))}
          />{' '}
          {text}
        </label>
      ))}
    </fieldset>
  );
}
