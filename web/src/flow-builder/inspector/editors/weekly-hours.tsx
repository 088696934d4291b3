// A business_hours node's own opening hours: each weekday open or closed with its intervals, and
// the dates it is closed all day.
import { useId, useState } from 'react';
import { WEEKDAYS, type BusinessHours, type Weekday } from '#flow-dsl/business-hours';
import { Button } from '../../../components/button.tsx';
import * as hours from '../model/hours-updates.ts';

type WeeklyHoursProps = { value: BusinessHours; onChange: (hours: BusinessHours) => void };

/** `<input type="time">` has no 24:00; midnight as an end means the same thing. */
const shown = (time: string) => (time === '24:00' ? '00:00' : time);

export function WeeklyHours({ value, onChange }: WeeklyHoursProps) {
  return (
    <div className="inspector-week">
      {WEEKDAYS.map((day) => (
        <DayHours key={day} day={day} value={value} onChange={onChange} />
      ))}
      <Holidays value={value} onChange={onChange} />
    </div>
  );
}

function DayHours({ day, value, onChange }: { day: Weekday } & WeeklyHoursProps) {
  const label = hours.WEEKDAY_LABELS[day];
  const intervals = hours.intervalsOf(value, day);
  const id = useId();
  const setTime = (index: number, end: 'from' | 'to', time: string) =>
    onChange(hours.setIntervalTime(value, day, index, end, time));
  return (
    <div className="inspector-day" role="group" aria-labelledby={id}>
      <div className="inspector-day-head">
        <label className="inspector-day-name">
          <input
            type="checkbox"
            checked={intervals.length > 0}
            onChange={(e) => onChange(hours.setDayOpen(value, day, e.target.checked))}
          />
          <span id={id}>{label}</span>
        </label>
        {intervals.length === 0 ? (
          <span className="muted">Closed</span>
        ) : (
          <button
            type="button"
            className="inspector-link-button"
            onClick={() => onChange(hours.addInterval(value, day))}
          >
            + Add hours<span className="visually-hidden"> on {label}</span>
          </button>
        )}
      </div>
      {intervals.map((interval, index) => (
        <div key={index} className="inspector-interval">
          <input
            type="time"
            className="input input-sm"
            aria-label={`${label} opens (${index + 1})`}
            value={interval.from}
            onChange={(e) => setTime(index, 'from', e.target.value)}
          />
          <span aria-hidden="true">to</span>
          <input
            type="time"
            className="input input-sm"
            aria-label={`${label} closes (${index + 1})`}
            value={shown(interval.to)}
            onChange={(e) => setTime(index, 'to', e.target.value)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${label} hours ${index + 1}`}
            onClick={() => onChange(hours.removeInterval(value, day, index))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function Holidays({ value, onChange }: WeeklyHoursProps) {
  const [date, setDate] = useState('');
  const id = useId();
  const holidays = value.holidays ?? [];
  return (
    <div className="inspector-holidays">
      <label htmlFor={id} className="field-label">
        Closed all day on
      </label>
      {holidays.length > 0 && (
        <ul className="inspector-chip-list" aria-label="Closed days">
          {holidays.map((holiday) => (
            <li key={holiday}>
              <span className="inspector-chip">
                {holiday}
                <button
                  type="button"
                  className="inspector-chip-remove"
                  aria-label={`Remove closed day ${holiday}`}
                  onClick={() => onChange(hours.removeHoliday(value, holiday))}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="inspector-inline">
        <input id={id} type="date" className="input input-sm" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button
          size="sm"
          disabled={date === ''}
          onClick={() => {
            onChange(hours.addHoliday(value, date));
            setDate('');
          }}
        >
          Add closed day
        </Button>
      </div>
    </div>
  );
}
