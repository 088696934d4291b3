// Delay units and their length, without zod: the interpreter imports them (see flow-dsl/answers.ts).
import type { DelayData } from './schema.ts';

export const DELAY_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export const DELAY_UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;

export function delaySeconds(data: DelayData): number {
  return data.amount * DELAY_UNIT_SECONDS[data.unit];
}
