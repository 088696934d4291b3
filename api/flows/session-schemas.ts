// Running flows: API runs, test runs and sessions, as the API accepts and returns them; shared
// with web/ (imports only zod).
import { z } from 'zod';
import { dateTimeSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';
import { SESSION_STATUSES } from './schemas.ts';

export const phoneSchema = z
  .string()
  .regex(/^\+?[1-9]\d{6,14}$/, 'must be a phone number in international format, e.g. +14155550123');
export const variablesSchema = z.record(z.string().regex(/^[A-Za-z_][\w]*$/, 'is not a variable name'), z.unknown());

export const runFlowInputSchema = z
  .object({
    channelId: z.uuid(),
    contactId: z.uuid().optional(),
    /** Creates the contact when no contact has this number. */
    phone: phoneSchema.optional(),
    variables: variablesSchema.default({}),
    /** Cancel the contact's running session on the channel instead of answering 409. */
    replace: z.boolean().default(false),
  })
  .refine((input) => (input.contactId === undefined) !== (input.phone === undefined), {
    message: 'give exactly one of contactId or phone',
    path: ['contactId'],
  });
export type RunFlowInput = z.infer<typeof runFlowInputSchema>;
export const startedSessionSchema = z.object({ sessionId: z.uuid(), workflowId: z.string() });
export type StartedSession = z.infer<typeof startedSessionSchema>;

export const flowSessionSchema = z.object({
  id: z.uuid(),
  flowId: z.uuid(),
  flowVersion: z.number().int().nullable(),
  channelId: z.uuid(),
  contact: z.object({ id: z.uuid(), name: z.string().nullable(), phone: z.string() }),
  status: z.enum(SESSION_STATUSES),
  triggerType: z.string(),
  isTest: z.boolean(),
  currentNodeId: z.string().nullable(),
  startedAt: dateTimeSchema,
  endedAt: dateTimeSchema.nullable(),
});
export type FlowSessionView = z.infer<typeof flowSessionSchema>;
export const flowSessionPageSchema = pageSchema(flowSessionSchema);
export const listFlowSessionsQuerySchema = pageQuerySchema.extend({
  status: z.enum(SESSION_STATUSES).optional(),
  includeTests: z.stringbool().default(false),
});
export type ListFlowSessionsQuery = z.infer<typeof listFlowSessionsQuerySchema>;

export const MAX_TEST_SECONDS = 60;
export const testFlowInputSchema = z.object({
  variables: variablesSchema.default({}),
  contactFields: z.record(z.string(), z.unknown()).default({}),
  contactName: z.string().trim().min(1).max(60).default('Test customer'),
  /**
   * What the customer says first, like a trigger message: it opens WhatsApp's 24-hour window (the
   * bot may not write first) and is the session's first input. Default: the draft's first keyword,
   * else "Hi".
   */
  firstMessage: z.string().min(1).max(4096).optional(),
  /** What the simulated customer types or taps (a button or row title), one per wait. */
  inputs: z.array(z.string().min(1).max(4096)).max(50).default([]),
  timeoutSeconds: z.number().int().min(1).max(MAX_TEST_SECONDS).default(20),
});
export type TestFlowInput = z.infer<typeof testFlowInputSchema>;

export const testRunResultSchema = z.object({
  sessionId: z.uuid(),
  status: z.enum(SESSION_STATUSES),
  timedOut: z.boolean(),
  transcript: z.array(
    z.object({ from: z.enum(['bot', 'customer']), type: z.string(), text: z.string().nullable(), at: dateTimeSchema }),
  ),
  path: z.array(
    z.object({
      nodeId: z.string(),
      nodeType: z.string(),
      outcome: z.string().nullable(),
      enteredAt: dateTimeSchema,
      durationMs: z.number().int().nullable(),
    }),
  ),
  variables: z.record(z.string(), z.unknown()),
});
export type TestRunResult = z.infer<typeof testRunResultSchema>;
