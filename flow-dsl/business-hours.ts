// Weekly opening hours in a time zone, as TenantSettings.businessHours stores them and the
// business_hours node overrides them. Pure: the time zone arithmetic is Intl's.
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export { WEEKDAYS, type Weekday } from './open-at.ts';

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

export { isOpenAt, isValidTimeZone } from './open-at.ts';
