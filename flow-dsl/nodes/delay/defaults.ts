import type { DelayData } from './schema.ts';

export const delayDefaults = { amount: 1, unit: 'minutes' } satisfies DelayData;
