// Whether a business is open at a moment, in its time zone. Without zod on purpose: the
// interpreter imports it, and Temporal evaluates a workflow's imports for every new session.
import type { BusinessHours } from './business-hours.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the business is open at `date` in `timezone`. Throws RangeError on an unknown zone. */
export function isOpenAt(hours: BusinessHours, timezone: string, date: Date): boolean {
  const local = localTime(timezone, date);
  if (hours.holidays?.includes(local.date)) {
    return false;
  }
  const today = hours.days[local.weekday] ?? [];
  const yesterday = hours.days[WEEKDAYS[(WEEKDAYS.indexOf(local.weekday) + 6) % 7] as Weekday] ?? [];
  const now = local.minutes;
  const openToday = today.some(({ from, to }) => {
    const [start, end] = [toMinutes(from), toMinutes(to)];
    return end > start ? now >= start && now < end : now >= start;
  });
  // An overnight interval opened yesterday covers today until its end.
  const openSinceYesterday = yesterday.some(({ from, to }) => toMinutes(to) <= toMinutes(from) && now < toMinutes(to));
  return openToday || openSinceYesterday;
}

export function isValidTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

type LocalTime = { date: string; weekday: Weekday; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(timezone: string, date: Date): LocalTime {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as Weekday,
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

function toMinutes(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}
