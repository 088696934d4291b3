// Business hours: the workspace's hours or custom weekly hours, and the time zone they are in.
import { useMemo } from 'react';
import { ChoiceField } from '../controls/choice-field.tsx';
import { SelectField } from '../controls/select-field.tsx';
import { defaultWeeklyHours } from '../model/hours-updates.ts';
import type { EditorProps } from './editor-props.ts';
import { WeeklyHours } from './weekly-hours.tsx';

const HOURS_CHOICES = [
  { value: 'workspace' as const, label: 'Workspace hours' },
  { value: 'custom' as const, label: 'Custom hours' },
];

export function BusinessHoursEditor({ data, onChange }: EditorProps<'business_hours'>) {
  const zones = useMemo(
    () => Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })),
    [],
  );
  const isCustom = data.hours !== 'workspace';
  return (
    <>
      <ChoiceField
        label="Opening hours"
        path="hours"
        value={isCustom ? 'custom' : 'workspace'}
        options={HOURS_CHOICES}
        onChange={(choice) => onChange({ ...data, hours: choice === 'custom' ? defaultWeeklyHours() : 'workspace' })}
      />
      {data.hours === 'workspace' ? (
        <p className="inspector-note">Uses the opening hours set in the workspace settings.</p>
      ) : (
        <WeeklyHours value={data.hours} onChange={(hours) => onChange({ ...data, hours })} />
      )}
      <SelectField
        label="Time zone"
        path="timezone"
        value={data.timezone}
        options={zones}
        placeholder="The workspace’s time zone"
        onChange={(timezone) => onChange({ ...data, timezone })}
      />
      <p className="inspector-note">Leaves by “Open” during these hours, else by “Closed”.</p>
    </>
  );
}
