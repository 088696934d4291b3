// SLA policies and a conversation's SLA state as the API returns them (docs/routing.md). Shared
// with web/: imports only zod.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema } from '../common/schemas.ts';

/** The inbox's priorities (api/inbox/schemas.ts PRIORITIES), repeated so this contract stands alone. */
export const SLA_PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;

/** 30 days: the longest target. */
export const MAX_TARGET_SECONDS = 30 * 86_400;
/** A target is in warning once this share of it has passed. */
export const SLA_WARNING_SHARE = 0.75;

const targetSchema = z.number().int().min(5, 'must be at least 5 seconds').max(MAX_TARGET_SECONDS);

export const slaPolicySchema = z.object({
  id: z.uuid(),
  priority: z.enum(SLA_PRIORITIES),
  /** Seconds from opening (or reopening) to an agent's first answer; null: no target. */
  firstResponseSeconds: z.number().int().nullable(),
  /** Seconds from opening (or reopening) to resolved; null: no target. */
  resolutionSeconds: z.number().int().nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export const slaPolicyListSchema = z.object({ items: z.array(slaPolicySchema) });

export const createSlaPolicyInputSchema = z
  .object({
    priority: z.enum(SLA_PRIORITIES),
    firstResponseSeconds: targetSchema.nullable().default(null),
    resolutionSeconds: targetSchema.nullable().default(null),
  })
  .refine((input) => input.firstResponseSeconds !== null || input.resolutionSeconds !== null, {
    message: 'give firstResponseSeconds, resolutionSeconds or both',
    path: ['firstResponseSeconds'],
  });
export type CreateSlaPolicyInput = z.output<typeof createSlaPolicyInputSchema>;
export const updateSlaPolicyInputSchema = z
  .object({
    firstResponseSeconds: targetSchema.nullable().optional(),
    resolutionSeconds: targetSchema.nullable().optional(),
  })
  .refine((input) => input.firstResponseSeconds !== undefined || input.resolutionSeconds !== undefined, {
    message: 'give firstResponseSeconds or resolutionSeconds',
    path: ['firstResponseSeconds'],
  });
export type UpdateSlaPolicyInput = z.output<typeof updateSlaPolicyInputSchema>;
export const slaPolicyParamsSchema = idParamSchema('policyId');

export const SLA_STATES = ['ok', 'warning', 'breached'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

/** A conversation's targets still to meet; null when it has none (no policy, met, or resolved). */
export const conversationSlaSchema = z
  .object({
    firstResponseDueAt: dateTimeSchema.nullable(),
    resolutionDueAt: dateTimeSchema.nullable(),
    state: z.enum(SLA_STATES),
  })
  .nullable();
export type ConversationSla = z.infer<typeof conversationSlaSchema>;
