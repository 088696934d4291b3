import type { ConditionData } from './schema.ts';

export const conditionDefaults = { conditions: { op: 'and', conditions: [] } } satisfies ConditionData;
