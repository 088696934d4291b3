import type { HandoffData } from './schema.ts';

export const handoffDefaults = { target: { type: 'unassigned' }, message: '', waitHours: 24 } satisfies HandoffData;
