// Agent availability, assignment rules and the workspace's routing settings as the API accepts
// and returns them (docs/routing.md). Shared with web/: imports only zod.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema } from '../common/schemas.ts';

/** online: receives conversations; busy: keeps theirs, gets no new ones; away/offline: theirs are reassigned. */
export const AGENT_STATUSES = ['online', 'away', 'busy', 'offline'] as const;
export type AgentStatusName = (typeof AGENT_STATUSES)[number];

export const MAX_CONCURRENT_LIMIT = 200;

export const agentStatusSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  status: z.enum(AGENT_STATUSES),
  /** Set by inactivity or a lost connection rather than by the member (activity brings them back online). */
  isAuto: z.boolean(),
  changedAt: dateTimeSchema.nullable(),
  lastActivityAt: dateTimeSchema.nullable(),
  /** Their own maximum of open conversations; null: the workspace default. */
  maxConcurrent: z.number().int().nullable(),
  /** Open conversations assigned to them now. */
  openConversations: z.number().int(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;
export const agentStatusListSchema = z.object({ items: z.array(agentStatusSchema) });

export const setMyStatusInputSchema = z.object({ status: z.enum(AGENT_STATUSES) });
export type SetMyStatusInput = z.infer<typeof setMyStatusInputSchema>;

/** The web app sends one every HEARTBEAT_SECONDS while open; `active`: the member used it since the last one. */
export const heartbeatInputSchema = z.object({ active: z.boolean() });
export type HeartbeatInput = z.infer<typeof heartbeatInputSchema>;
export const HEARTBEAT_SECONDS = 30;

export const agentParamsSchema = z.object({ userId: z.uuid('is not a valid id') });
export const updateAgentInputSchema = z
  .object({
    status: z.enum(AGENT_STATUSES).optional(),
    maxConcurrent: z.number().int().min(1).max(MAX_CONCURRENT_LIMIT).nullable().optional(),
  })
  .refine((input) => input.status !== undefined || input.maxConcurrent !== undefined, {
    message: 'give status or maxConcurrent',
    path: ['status'],
  });
export type UpdateAgentInput = z.infer<typeof updateAgentInputSchema>;

export const assignmentRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** null: every channel. */
  channel: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  team: z.object({ id: z.uuid(), name: z.string() }),
  position: z.number().int(),
  isEnabled: z.boolean(),
  createdAt: dateTimeSchema,
});
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;
export const assignmentRuleListSchema = z.object({ items: z.array(assignmentRuleSchema) });

export const createRuleInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  channelId: z.uuid('is not a valid id').nullable().default(null),
  teamId: z.uuid('is not a valid id'),
  /** Lower first; default: after the others. */
  position: z.number().int().min(0).max(10_000).optional(),
  isEnabled: z.boolean().default(true),
});
export type CreateRuleInput = z.output<typeof createRuleInputSchema>;
export const updateRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(80).optional(),
    channelId: z.uuid('is not a valid id').nullable().optional(),
    teamId: z.uuid('is not a valid id').optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    isEnabled: z.boolean().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'give a field to change',
    path: ['name'],
  });
export type UpdateRuleInput = z.output<typeof updateRuleInputSchema>;
export const ruleParamsSchema = idParamSchema('ruleId');

export const routingSettingsSchema = z.object({
  /** An online member inactive this long becomes away (the web app reports activity). */
  autoAwaySeconds: z.number().int().min(5).max(86_400),
  /** Open conversations routing gives a member whose own maximum is not set. */
  defaultMaxConcurrent: z.number().int().min(1).max(MAX_CONCURRENT_LIMIT),
});
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;
export const updateRoutingSettingsInputSchema = routingSettingsSchema
  .partial()
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'give autoAwaySeconds or defaultMaxConcurrent',
    path: ['autoAwaySeconds'],
  });
export type UpdateRoutingSettingsInput = z.infer<typeof updateRoutingSettingsInputSchema>;
