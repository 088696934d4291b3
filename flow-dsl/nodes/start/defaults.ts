import type { StartData } from './schema.ts';

export const startDefaults = {} satisfies StartData;
