// When a campaign starts, as the API takes it (now, once at a local time, recurring) and as the
// Campaign row stores it (scheduleKind, scheduledAt, timeZone, recurrence). Recurring occurrences
// are computed here from the recurrence in the campaign's zone, for the calendar and nextRunAt,
// without asking Temporal (its Schedule starts them; the two agree because both read wall-clock
// times in the same IANA zone).
import { AppError } from '../errors.ts';
import { zonedTimeToInstant } from '../scheduled-messages/zoned-time.ts';
import { MAX_SCHEDULE_AHEAD_DAYS, type Schedule } from './schemas.ts';

export type RecurringSchedule = Extract<Schedule, { kind: 'recurring' }>;

export type ScheduleColumns = {
  scheduleKind: Schedule['kind'];
  scheduledAt: Date | null;
  timeZone: string;
  recurrence: RecurringSchedule | null;
};

const DAY_MS = 86_400_000;
/** A recurring campaign runs for at most a year. */
export const MAX_RECURRING_DAYS = 366;

/**
 * The row's columns for a schedule, checked against `now`: a one-off time in the future and at
 * most 90 days ahead (422 naming `schedule.localTime`); a recurrence ending within a year of its
 * start and with an occurrence still to come (422 naming `schedule.endsOn`).
 */
export function scheduleColumns(schedule: Schedule, now: Date, path = 'schedule'): ScheduleColumns {
  if (schedule.kind === 'now') {
    return { scheduleKind: 'now', scheduledAt: null, timeZone: 'UTC', recurrence: null };
  }
  if (schedule.kind === 'once') {
    const at = zonedTimeToInstant(schedule.localTime, schedule.timeZone);
    if (at.getTime() <= now.getTime()) {
      throw AppError.field(
        `${path}.localTime`,
        `must be in the future (read in ${schedule.timeZone})`,
        'UNPROCESSABLE',
      );
    }
    if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_DAYS * DAY_MS) {
      throw AppError.field(
        `${path}.localTime`,
        `must be at most ${MAX_SCHEDULE_AHEAD_DAYS} days from now`,
        'UNPROCESSABLE',
      );
    }
    return { scheduleKind: 'once', scheduledAt: at, timeZone: schedule.timeZone, recurrence: null };
  }
  if (dayNumber(schedule.endsOn) - dayNumber(schedule.startsOn) > MAX_RECURRING_DAYS - 1) {
    throw AppError.field(`${path}.endsOn`, 'must be at most a year after the start date', 'UNPROCESSABLE');
  }
  const first = occurrences(schedule, now, new Date(dayNumber(schedule.endsOn) * DAY_MS + 2 * DAY_MS), 1)[0];
  if (!first) {
    throw AppError.field(`${path}.endsOn`, 'leaves no occurrence in the future', 'UNPROCESSABLE');
  }
  return { scheduleKind: 'recurring', scheduledAt: first, timeZone: schedule.timeZone, recurrence: schedule };
}

/** The schedule as the API shows it, from the row's columns. */
export function scheduleOf(row: {
  scheduleKind: string;
  scheduledAt: Date | null;
  timeZone: string;
  recurrence: unknown;
}): Schedule {
  if (row.scheduleKind === 'recurring' && row.recurrence) {
    return row.recurrence as RecurringSchedule;
  }
  if (row.scheduleKind === 'once' && row.scheduledAt) {
    return { kind: 'once', localTime: localTimeIn(row.scheduledAt, row.timeZone), timeZone: row.timeZone };
  }
  return { kind: 'now' };
}

const WEEKDAY_BY_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The recurrence's start instants in [from, to), at most `limit`, in order. Each is the
 * wall-clock `time` on a matching local date between startsOn and endsOn, read in its zone.
 */
export function occurrences(recurrence: RecurringSchedule, from: Date, to: Date, limit = 500): Date[] {
  const result: Date[] = [];
  // Local dates are at most 14 hours off UTC: a day of margin either side finds every instant.
  const firstDay = Math.max(dayNumber(recurrence.startsOn), Math.floor(from.getTime() / DAY_MS) - 1);
  const lastDay = Math.min(dayNumber(recurrence.endsOn), Math.floor(to.getTime() / DAY_MS) + 1);
  for (let day = firstDay; day <= lastDay && result.length < limit; day++) {
    const date = new Date(day * DAY_MS);
    const matches =
      recurrence.frequency === 'daily' ||
      (recurrence.frequency === 'weekly' && recurrence.weekdays.includes(WEEKDAY_BY_UTC_DAY[date.getUTCDay()]!)) ||
      (recurrence.frequency === 'monthly' && date.getUTCDate() === recurrence.dayOfMonth);
    if (!matches) {
      continue;
    }
    const at = zonedTimeToInstant(`${date.toISOString().slice(0, 10)}T${recurrence.time}`, recurrence.timeZone);
    if (at.getTime() >= from.getTime() && at.getTime() < to.getTime()) {
      result.push(at);
    }
  }
  return result;
}

/** The next start of a recurrence after `now`, or null when it has ended. */
export function nextOccurrence(recurrence: RecurringSchedule, now: Date): Date | null {
  return occurrences(recurrence, now, new Date(dayNumber(recurrence.endsOn) * DAY_MS + 2 * DAY_MS), 1)[0] ?? null;
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** `2026-12-24T09:30` as the wall clock in `timeZone` shows `instant`. */
export function localTimeIn(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
