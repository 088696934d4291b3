// Waits on a durable timer before going on (a Temporal sleep: it survives restarts).
import { z } from 'zod';

export const DELAY_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export const DELAY_UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;

export const delayDataSchema = z.object({
  amount: z.number().int().min(0).max(10_000).default(1),
  unit: z.enum(DELAY_UNITS).default('minutes'),
});
export type DelayData = z.output<typeof delayDataSchema>;

export function delaySeconds(data: DelayData): number {
  return data.amount * DELAY_UNIT_SECONDS[data.unit];
}
