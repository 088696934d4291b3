// Branches on whether the business is open now: the workspace's hours or hours of its own.
import { z } from 'zod';
import { businessHoursSchema } from '../../business-hours.ts';

export const businessHoursDataSchema = z.object({
  hours: z.union([z.literal('workspace'), businessHoursSchema]).default('workspace'),
  /** An IANA time zone (`Europe/Lisbon`); blank means the workspace's. */
  timezone: z.string().default(''),
});
export type BusinessHoursData = z.output<typeof businessHoursDataSchema>;
