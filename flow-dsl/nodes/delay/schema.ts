// Waits on a durable timer before going on (a Temporal sleep: it survives restarts).
import { z } from 'zod';

import { DELAY_UNITS } from './units.ts';

export { DELAY_UNITS, DELAY_UNIT_SECONDS, delaySeconds } from './units.ts';

export const delayDataSchema = z.object({
  amount: z.number().int().min(0).max(10_000).default(1),
  unit: z.enum(DELAY_UNITS).default('minutes'),
});
export type DelayData = z.output<typeof delayDataSchema>;
