// The trigger picker and each trigger's own settings.
import type { AutomationTrigger } from '#api/automations/schemas';
import { Card } from '../../../components/card.tsx';
import { FieldError, type ErrorFor } from './field-error.tsx';
import { TRIGGER_LABELS } from './rule-labels.tsx';

type Props = {
  trigger: AutomationTrigger;
  kind: string;
  onChange: (trigger: AutomationTrigger) => void;
  errorFor: ErrorFor;
};

const DEFAULTS: Record<AutomationTrigger['type'], AutomationTrigger> = {
  message_received: { type: 'message_received', onlyNewConversation: false },
  keyword: { type: 'keyword', keywords: [''], match: 'contains', caseSensitive: false },
  conversation_created: { type: 'conversation_created' },
  conversation_resolved: { type: 'conversation_resolved' },
  contact_updated: { type: 'contact_updated', attributes: [] },
  tag_added: { type: 'tag_added' },
  schedule: { type: 'schedule', cron: '0 9 * * 1' },
  date_field: { type: 'date_field', field: '', offsetDays: -3, at: '10:00' },
  greeting: { type: 'greeting' },
  away: { type: 'away', hours: null, cooldownHours: 12 },
};

export function TriggerSection({ trigger, kind, onChange, errorFor }: Props) {
  const types = (Object.keys(DEFAULTS) as Array<AutomationTrigger['type']>).filter((type) =>
    kind === 'custom' ? type !== 'greeting' && type !== 'away' : type === kind,
  );
  const firstError = (prefix: string) => errorFor(prefix) ?? errorFor(`${prefix}.0`) ?? errorFor(`${prefix}.1`);
  return (
    <Card title="When">
      <div className="field">
        <label className="field-label" htmlFor="trigger-type">
          Trigger
        </label>
        <select
          id="trigger-type"
          className="input"
          value={trigger.type}
          onChange={(e) => onChange(DEFAULTS[e.target.value as AutomationTrigger['type']])}
        >
          {types.map((type) => (
            <option key={type} value={type}>
              {TRIGGER_LABELS[type]}
            </option>
          ))}
        </select>
        <FieldError message={errorFor('trigger.type')} />
      </div>
      {trigger.type === 'keyword' && (
        <>
          <TextInput
            id="trigger-keywords"
            label="Keywords (comma-separated)"
            value={trigger.keywords.join(', ')}
            onChange={(value) => onChange({ ...trigger, keywords: value.split(',').map((k) => k.trim()) })}
            error={firstError('trigger.keywords')}
          />
          <div className="field">
            <label className="field-label" htmlFor="trigger-match">
              Match
            </label>
            <select
              id="trigger-match"
              className="input"
              value={trigger.match}
              onChange={(e) => onChange({ ...trigger, match: e.target.value as typeof trigger.match })}
            >
              <option value="contains">Message contains the keyword</option>
              <option value="exact">Message is exactly the keyword</option>
              <option value="regex">Message matches the regular expression</option>
            </select>
          </div>
        </>
      )}
      {trigger.type === 'contact_updated' && (
        <TextInput
          id="trigger-attributes"
          label="Only when one of these changes (name, email, optInStatus, fields.<key>; empty: any)"
          value={trigger.attributes.join(', ')}
          onChange={(value) =>
            onChange({
              ...trigger,
              attributes: value
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            })
          }
          error={firstError('trigger.attributes')}
        />
      )}
      {trigger.type === 'tag_added' && (
        <TextInput
          id="trigger-tag"
          label="Tag (empty: any tag)"
          value={trigger.tag ?? ''}
          onChange={(value) => onChange(value ? { ...trigger, tag: value } : { type: 'tag_added' })}
          error={errorFor('trigger.tag')}
        />
      )}
      {trigger.type === 'schedule' && (
        <TextInput
          id="trigger-cron"
          label="Cron (minute hour day month weekday, workspace time zone)"
          value={trigger.cron}
          onChange={(cron) => onChange({ ...trigger, cron })}
          error={errorFor('trigger.cron')}
        />
      )}
      {trigger.type === 'date_field' && (
        <>
          <TextInput
            id="trigger-field"
            label="Contact date field key"
            value={trigger.field}
            onChange={(field) => onChange({ ...trigger, field })}
            error={errorFor('trigger.field')}
          />
          <TextInput
            id="trigger-offset"
            label="Days from the date (negative: before)"
            value={String(trigger.offsetDays)}
            onChange={(value) => onChange({ ...trigger, offsetDays: Number(value) || 0 })}
            error={errorFor('trigger.offsetDays')}
          />
          <TextInput
            id="trigger-at"
            label="At (HH:MM)"
            value={trigger.at}
            onChange={(at) => onChange({ ...trigger, at })}
            error={errorFor('trigger.at')}
          />
        </>
      )}
      {trigger.type === 'away' && (
        <TextInput
          id="trigger-cooldown"
          label="Answer a conversation at most once every (hours)"
          value={String(trigger.cooldownHours)}
          onChange={(value) => onChange({ ...trigger, cooldownHours: Number(value) || 1 })}
          error={errorFor('trigger.cooldownHours')}
        />
      )}
    </Card>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input id={props.id} className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      <FieldError message={props.error} />
    </div>
  );
}
