// Branches on `true` / `false` (conditions.ts evaluates the group).
import { z } from 'zod';
import { conditionGroupSchema } from '../../conditions.ts';

export const conditionDataSchema = z.object({
  conditions: conditionGroupSchema.default(() => ({ op: 'and' as const, conditions: [] })),
});
export type ConditionData = z.output<typeof conditionDataSchema>;
