// Weekly opening hours in a time zone, as TenantSettings.businessHours stores them and the
// business_hours node overrides them. Pure: the time zone arithmetic is Intl's.
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `to` before `from` runs past midnight (22:00–02:00); `24:00` is the end of the day. */
export const openingIntervalSchema = z.object({
  from: z.string().regex(TIME, 'a time is HH:MM'),
  to: z.string().regex(TIME, 'a time is HH:MM'),
});
export type OpeningInterval = z.output<typeof openingIntervalSchema>;

const intervals = z.array(openingIntervalSchema).optional();

export const businessHoursSchema = z.object({
  days: z.object({
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    sat: intervals,
    sun: intervals,
  }),
  /** Local dates (YYYY-MM-DD) when the business is closed all day. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')).optional(),
});
export type BusinessHours = z.output<typeof businessHoursSchema>;

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
