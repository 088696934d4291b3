// A recurring campaign's recurrence (Campaign.recurrence, with Campaign.timeZone) read back, and
// turned into what a Temporal Schedule needs: calendar specs in the campaign's time zone and the
// instants its first and last days begin and end.
import type { CalendarSpec, DayOfWeek } from '@temporalio/client';
import { zonedTimeToInstant } from '../scheduled-messages/zoned-time.ts';
import { nextOccurrence } from './campaign-schedule.ts';
import { scheduleSchema, type Schedule, type Weekday } from './schemas.ts';

export type Recurrence = Extract<Schedule, { kind: 'recurring' }>;

/**
 * The stored recurrence, whether it was saved as the whole `schedule` or without its `kind` and
 * `timeZone` (the campaign's own zone then). Null for a campaign that is not recurring.
 */
export function recurrenceOf(campaign: { recurrence: unknown; timeZone: string }): Recurrence | null {
  if (!campaign.recurrence || typeof campaign.recurrence !== 'object') {
    return null;
  }
  const parsed = scheduleSchema.safeParse({ kind: 'recurring', timeZone: campaign.timeZone, ...campaign.recurrence });
  return parsed.success && parsed.data.kind === 'recurring' ? parsed.data : null;
}

const DAYS: Record<Weekday, DayOfWeek> = {
  mon: 'MONDAY',
  tue: 'TUESDAY',
  wed: 'WEDNESDAY',
  thu: 'THURSDAY',
  fri: 'FRIDAY',
  sat: 'SATURDAY',
  sun: 'SUNDAY',
};

/** The occurrences as calendar specs, read in `timeZone` by the Temporal server. */
export function recurrenceCalendars(recurrence: Recurrence): CalendarSpec[] {
  const [hour, minute] = recurrence.time.split(':').map(Number) as [number, number];
  const at = { hour, minute, comment: `campaign ${recurrence.frequency} at ${recurrence.time}` };
  if (recurrence.frequency === 'weekly') {
    return [{ ...at, dayOfWeek: recurrence.weekdays.map((day) => DAYS[day]) }];
  }
  if (recurrence.frequency === 'monthly') {
    return [{ ...at, dayOfMonth: recurrence.dayOfMonth ?? 1 }];
  }
  return [at];
}

/** From the start of `startsOn` to the end of `endsOn`, in the campaign's zone. */
export function recurrenceBounds(recurrence: Recurrence): { startAt: Date; endAt: Date } {
  const startAt = zonedTimeToInstant(`${recurrence.startsOn}T00:00`, recurrence.timeZone);
  const endAt = new Date(zonedTimeToInstant(`${recurrence.endsOn}T23:59`, recurrence.timeZone).getTime() + 59_999);
  return { startAt, endAt };
}

/** Whether an occurrence is still to come after `now`. */
export function recursAfter(recurrence: Recurrence, now: Date): boolean {
  return nextOccurrence(recurrence, now) !== null;
}
