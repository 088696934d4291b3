// When it sends: at launch, once at a local date and time in a chosen time zone (at most 90 days
// ahead), or daily / weekly / monthly between two dates; and quiet hours in the recipient's zone.
import { MAX_SCHEDULE_AHEAD_DAYS, type Weekday } from '#api/campaigns/schemas';
import { Card } from '../../components/card.tsx';
import { Field } from '../../forms/field.tsx';
import { errorAt, type CampaignDraft } from './campaign-form.ts';
import { fieldId, type SectionProps } from './editor-types.ts';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
const WEEKDAYS: Array<[Weekday, string]> = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
];

export function ScheduleSection({ draft, update, errors }: SectionProps) {
  const r = draft.recurring;
  const setRecurring = (patch: Partial<CampaignDraft['recurring']>) =>
    update((d) => ({ ...d, recurring: { ...d.recurring, ...patch } }));
  const kinds: Array<[CampaignDraft['scheduleKind'], string]> = [
    ['now', 'Send when I launch it'],
    ['once', 'Once, at a date and time'],
    ['recurring', 'Repeat'],
  ];
  return (
    <Card title="Schedule">
      <fieldset className="campaign-radios is-inline">
        <legend className="visually-hidden">When</legend>
        {kinds.map(([kind, label]) => (
          <label key={kind} className="campaign-check">
            <input
              type="radio"
              name="scheduleKind"
              checked={draft.scheduleKind === kind}
              onChange={() => update((d) => ({ ...d, scheduleKind: kind }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {errors.schedule && <p className="field-error">{errors.schedule}</p>}
      {draft.scheduleKind !== 'now' && (
        <div className="campaign-row">
          {draft.scheduleKind === 'once' && (
            <Field
              id={fieldId('schedule.localTime')}
              label="Date and time"
              hint={`Up to ${MAX_SCHEDULE_AHEAD_DAYS} days ahead.`}
              error={errors['schedule.localTime']}
            >
              <input
                id={fieldId('schedule.localTime')}
                className="input"
                type="datetime-local"
                value={draft.localTime}
                onChange={(e) => update((d) => ({ ...d, localTime: e.target.value }))}
              />
            </Field>
          )}
          {draft.scheduleKind === 'recurring' && (
            <>
              <Field id={fieldId('schedule.frequency')} label="Every" error={errors['schedule.frequency']}>
                <select
                  id={fieldId('schedule.frequency')}
                  className="input select"
                  value={r.frequency}
                  onChange={(e) =>
                    setRecurring({ frequency: e.target.value as CampaignDraft['recurring']['frequency'] })
                  }
                >
                  <option value="daily">Day</option>
                  <option value="weekly">Week</option>
                  <option value="monthly">Month</option>
                </select>
              </Field>
              <Field id={fieldId('schedule.time')} label="At" error={errors['schedule.time']}>
                <input
                  id={fieldId('schedule.time')}
                  className="input"
                  type="time"
                  value={r.time}
                  onChange={(e) => setRecurring({ time: e.target.value })}
                />
              </Field>
              {r.frequency === 'monthly' && (
                <Field
                  id={fieldId('schedule.dayOfMonth')}
                  label="Day of the month"
                  hint="1 to 28"
                  error={errors['schedule.dayOfMonth']}
                >
                  <input
                    id={fieldId('schedule.dayOfMonth')}
                    className="input campaign-input-short"
                    type="number"
                    min={1}
                    max={28}
                    value={r.dayOfMonth}
                    onChange={(e) => setRecurring({ dayOfMonth: e.target.value })}
                  />
                </Field>
              )}
              <Field id={fieldId('schedule.startsOn')} label="From" error={errors['schedule.startsOn']}>
                <input
                  id={fieldId('schedule.startsOn')}
                  className="input"
                  type="date"
                  value={r.startsOn}
                  onChange={(e) => setRecurring({ startsOn: e.target.value })}
                />
              </Field>
              <Field id={fieldId('schedule.endsOn')} label="Until" error={errors['schedule.endsOn']}>
                <input
                  id={fieldId('schedule.endsOn')}
                  className="input"
                  type="date"
                  value={r.endsOn}
                  onChange={(e) => setRecurring({ endsOn: e.target.value })}
                />
              </Field>
            </>
          )}
          <Field id={fieldId('schedule.timeZone')} label="Time zone" error={errors['schedule.timeZone']}>
            <select
              id={fieldId('schedule.timeZone')}
              className="input select"
              value={draft.timeZone}
              onChange={(e) => update((d) => ({ ...d, timeZone: e.target.value }))}
            >
              {(TIME_ZONES.includes(draft.timeZone) ? TIME_ZONES : [draft.timeZone, ...TIME_ZONES]).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      {draft.scheduleKind === 'recurring' && r.frequency === 'weekly' && (
        <fieldset className="campaign-radios is-inline" id={fieldId('schedule.weekdays')}>
          <legend className="field-label">On</legend>
          {WEEKDAYS.map(([day, label]) => (
            <label key={day} className="campaign-check">
              <input
                type="checkbox"
                checked={r.weekdays.includes(day)}
                onChange={(e) =>
                  setRecurring({
                    weekdays: e.target.checked ? [...r.weekdays, day] : r.weekdays.filter((d) => d !== day),
                  })
                }
              />
              {label}
            </label>
          ))}
          {errorAt(errors, 'schedule.weekdays', true) && (
            <p className="field-error">{errorAt(errors, 'schedule.weekdays', true)}</p>
          )}
        </fieldset>
      )}
      <div className="campaign-quiet">
        <label className="campaign-check">
          <input
            type="checkbox"
            checked={draft.quietHoursEnabled}
            onChange={(e) => update((d) => ({ ...d, quietHoursEnabled: e.target.checked }))}
          />
          Quiet hours: hold messages overnight in each contact’s time zone
        </label>
        {draft.quietHoursEnabled && (
          <div className="campaign-row">
            <Field id={fieldId('quietHours.from')} label="No sends from" error={errors['quietHours.from']}>
              <input
                id={fieldId('quietHours.from')}
                className="input"
                type="time"
                value={draft.quietHours.from}
                onChange={(e) => update((d) => ({ ...d, quietHours: { ...d.quietHours, from: e.target.value } }))}
              />
            </Field>
            <Field id={fieldId('quietHours.to')} label="Until" error={errors['quietHours.to']}>
              <input
                id={fieldId('quietHours.to')}
                className="input"
                type="time"
                value={draft.quietHours.to}
                onChange={(e) => update((d) => ({ ...d, quietHours: { ...d.quietHours, to: e.target.value } }))}
              />
            </Field>
          </div>
        )}
      </div>
    </Card>
  );
}
