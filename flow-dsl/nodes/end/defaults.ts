import type { EndData } from './schema.ts';

export const endDefaults = {} satisfies EndData;
