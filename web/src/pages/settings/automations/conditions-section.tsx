// Conditions on the contact (all or any), and the window: the days and hours a rule may run.
import type { AutomationCondition, AutomationConditions } from '#api/automations/schemas';
import type { BusinessHours } from '#flow-dsl/business-hours';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { FieldError, type ErrorFor } from './field-error.tsx';
import { TextInput } from './trigger-section.tsx';

export function ConditionsSection(props: {
  conditions: AutomationConditions;
  onChange: (c: AutomationConditions) => void;
  errorFor: ErrorFor;
}) {
  const { conditions, onChange, errorFor } = props;
  const set = (index: number, item: AutomationCondition) =>
    onChange({ ...conditions, items: conditions.items.map((c, i) => (i === index ? item : c)) });
  return (
    <Card title="Only if" description="Conditions on the contact; none: always.">
      <select
        aria-label="Conditions match"
        className="input"
        value={conditions.match}
        onChange={(e) => onChange({ ...conditions, match: e.target.value as 'all' | 'any' })}
      >
        <option value="all">All conditions hold</option>
        <option value="any">Any condition holds</option>
      </select>
      {conditions.items.map((item, index) => (
        <div key={index} className="field">
          <select
            aria-label={`Condition ${index + 1}`}
            className="input"
            value={item.type}
            onChange={(e) =>
              set(
                index,
                e.target.value === 'attribute'
                  ? { type: 'attribute', attribute: 'name', operator: 'equals', value: '' }
                  : { type: e.target.value as 'has_tag' | 'lacks_tag', tag: '' },
              )
            }
          >
            <option value="has_tag">Has tag</option>
            <option value="lacks_tag">Does not have tag</option>
            <option value="attribute">Attribute</option>
          </select>
          {item.type === 'attribute' ? (
            <>
              <TextInput
                id={`conditions.items.${index}.attribute`}
                label="Attribute (name, email, phone, fields.<key>)"
                value={item.attribute}
                onChange={(attribute) => set(index, { ...item, attribute })}
                error={errorFor(`conditions.items.${index}.attribute`)}
              />
              <select
                aria-label="Operator"
                className="input"
                value={item.operator}
                onChange={(e) => set(index, { ...item, operator: e.target.value as typeof item.operator })}
              >
                {['equals', 'not_equals', 'contains', 'is_set', 'is_not_set'].map((op) => (
                  <option key={op} value={op}>
                    {op.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
              <TextInput
                id={`conditions.items.${index}.value`}
                label="Value"
                value={item.value}
                onChange={(value) => set(index, { ...item, value })}
                error={errorFor(`conditions.items.${index}.value`)}
              />
            </>
          ) : (
            <TextInput
              id={`conditions.items.${index}.tag`}
              label="Tag"
              value={item.tag}
              onChange={(tag) => set(index, { ...item, tag })}
              error={errorFor(`conditions.items.${index}.tag`)}
            />
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange({ ...conditions, items: conditions.items.filter((_, i) => i !== index) })}
          >
            Remove condition
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        icon="plus"
        onClick={() => onChange({ ...conditions, items: [...conditions.items, { type: 'has_tag', tag: '' }] })}
      >
        Add condition
      </Button>
    </Card>
  );
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A simple window: chosen days, one interval each, in the workspace time zone. */
export function WindowSection(props: {
  window: BusinessHours | null;
  onChange: (w: BusinessHours | null) => void;
  errorFor: ErrorFor;
}) {
  const { window, onChange, errorFor } = props;
  const firstDay = DAYS.find((day) => window?.days[day]?.length);
  const interval = (firstDay && window?.days[firstDay]?.[0]) || { from: '09:00', to: '17:00' };
  const build = (days: string[], from: string, to: string): BusinessHours => ({
    days: Object.fromEntries(days.map((day) => [day, [{ from, to }]])),
  });
  const chosen = DAYS.filter((day) => window?.days[day]?.length);
  return (
    <Card
      title="Window"
      description="When set, the rule runs only on these days and hours (workspace time zone); outside it, a skipped run is logged."
    >
      <label>
        <input
          type="checkbox"
          checked={window !== null}
          onChange={(e) =>
            onChange(e.target.checked ? build(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00') : null)
          }
        />{' '}
        Only at certain times
      </label>
      {window && (
        <>
          <div>
            {DAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={chosen.includes(day)}
                  onChange={(e) =>
                    onChange(
                      build(
                        e.target.checked ? [...chosen, day] : chosen.filter((d) => d !== day),
                        interval.from,
                        interval.to,
                      ),
                    )
                  }
                />{' '}
                {day}{' '}
              </label>
            ))}
          </div>
          <TextInput
            id="window-from"
            label="From (HH:MM)"
            value={interval.from}
            onChange={(from) => onChange(build(chosen, from, interval.to))}
            error={firstDay && errorFor(`window.days.${firstDay}.0.from`)}
          />
          <TextInput
            id="window-to"
            label="To (HH:MM)"
            value={interval.to}
            onChange={(to) => onChange(build(chosen, interval.from, to))}
            error={firstDay && errorFor(`window.days.${firstDay}.0.to`)}
          />
          <FieldError message={errorFor('window')} />
        </>
      )}
    </Card>
  );
}
