// Timeouts are stored in seconds and typed by people in minutes, hours or days.
export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** The largest unit the value is a whole number of: 3600 → 1 hour, 90 → 90 seconds. */
export function splitDuration(seconds: number): { amount: number; unit: DurationUnit } {
  const unit = [...DURATION_UNITS].reverse().find((u) => seconds > 0 && seconds % UNIT_SECONDS[u] === 0);
  return unit ? { amount: seconds / UNIT_SECONDS[unit], unit } : { amount: seconds, unit: 'seconds' };
}

export function toSeconds(amount: number, unit: DurationUnit): number {
  return Math.round(amount * UNIT_SECONDS[unit]);
}

/** "1 hour", "90 seconds": for summaries beside the inputs. */
export function describeDuration(amount: number, unit: DurationUnit): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}
