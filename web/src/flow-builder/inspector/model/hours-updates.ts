// The business_hours node's own weekly hours: days with opening intervals, and closed dates.
import { WEEKDAYS, type BusinessHours, type OpeningInterval, type Weekday } from '#flow-dsl/business-hours';
import { appendItem, patchItem, removeItem } from './list-ops.ts';

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const NINE_TO_FIVE: OpeningInterval = { from: '09:00', to: '17:00' };

/** What "Custom hours" starts from: weekdays 9 to 5. */
export function defaultWeeklyHours(): BusinessHours {
  const days = Object.fromEntries(WEEKDAYS.map((day) => [day, ['sat', 'sun'].includes(day) ? [] : [NINE_TO_FIVE]]));
  return { days: days as BusinessHours['days'], holidays: [] };
}

export function intervalsOf(hours: BusinessHours, day: Weekday): OpeningInterval[] {
  return hours.days[day] ?? [];
}

function withDay(hours: BusinessHours, day: Weekday, intervals: OpeningInterval[]): BusinessHours {
  return { ...hours, days: { ...hours.days, [day]: intervals } };
}

export function setDayOpen(hours: BusinessHours, day: Weekday, isOpen: boolean): BusinessHours {
  return withDay(hours, day, isOpen ? [NINE_TO_FIVE] : []);
}

/** A second interval starts where the last one ended (a lunch break: 09–12, then 13–17). */
export function addInterval(hours: BusinessHours, day: Weekday): BusinessHours {
  const intervals = intervalsOf(hours, day);
  const last = intervals[intervals.length - 1];
  const next = last ? { from: last.to === '24:00' ? '00:00' : last.to, to: '24:00' } : NINE_TO_FIVE;
  return withDay(hours, day, appendItem(intervals, next));
}

export function removeInterval(hours: BusinessHours, day: Weekday, index: number): BusinessHours {
  return withDay(hours, day, removeItem(intervalsOf(hours, day), index));
}

/** A time box emptied by the user is ignored: the schema needs HH:MM. */
export function setIntervalTime(hours: BusinessHours, day: Weekday, index: number, end: 'from' | 'to', time: string) {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    return hours;
  }
  return withDay(hours, day, patchItem(intervalsOf(hours, day), index, { [end]: time }));
}

export function addHoliday(hours: BusinessHours, date: string): BusinessHours {
  const holidays = hours.holidays ?? [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || holidays.includes(date)) {
    return hours;
  }
  return { ...hours, holidays: [...holidays, date].sort() };
}

export function removeHoliday(hours: BusinessHours, date: string): BusinessHours {
  return { ...hours, holidays: (hours.holidays ?? []).filter((d) => d !== date) };
}
