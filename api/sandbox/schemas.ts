// The Sandbox phone: simulated customers chatting with the tenant's Sandbox channel.
import { z } from 'zod';
import { channelSchema } from '../channels/schemas.ts';
import { dateTimeSchema } from '../common/schemas.ts';

export const sandboxStatusSchema = z.object({
  /** False when the installation runs without a simulator (SANDBOX_URL=off). */
  enabled: z.boolean(),
  channel: channelSchema.nullable(),
});

export const createSandboxCustomerInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(60),
  waId: z
    .string()
    .regex(/^[1-9]\d{7,14}$/, 'must be digits in international format without +')
    .optional(),
});

export const sandboxCustomerParamsSchema = z.object({
  waId: z.string().regex(/^\d{6,20}$/, 'is not a customer number'),
});

/** What a simulated customer sends; the simulator validates the details like WhatsApp would. */
export const sandboxCustomerMessageInputSchema = z.looseObject({ type: z.string().min(1).max(32) });

// The simulator's answers (simulator/customers/thread-view.ts): the phone's view of a chat, not
// Parley's data. Unknown fields are kept.

const from = z.enum(['customer', 'business']);

export const sandboxCustomerSchema = z.looseObject({
  waId: z.string(),
  name: z.string(),
  online: z.boolean(),
  windowOpen: z.boolean(),
  lastMessage: z.looseObject({ id: z.string(), from, preview: z.string(), timestamp: dateTimeSchema }).nullable(),
  unreadCount: z.number().int(),
});
export type SandboxCustomer = z.infer<typeof sandboxCustomerSchema>;

/** A template as the phone shows it: variables filled in, buttons by type (QUICK_REPLY, URL…). */
const renderedTemplateSchema = z.looseObject({
  name: z.string(),
  header: z.string().nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  buttons: z.array(z.looseObject({ type: z.string(), text: z.string() })),
});
export type RenderedTemplate = z.infer<typeof renderedTemplateSchema>;

export const sandboxMessageSchema = z.looseObject({
  id: z.string(),
  from,
  timestamp: dateTimeSchema,
  type: z.string(),
  /** Meta's shape `{ type, [type]: {...} }`; media objects carry a signed `url`. */
  content: z.record(z.string(), z.unknown()),
  /** Customer messages: delivered → read (by the business). Business ones: accepted → sent → … */
  status: z.string(),
  replyTo: z.string().nullable(),
  error: z.looseObject({ code: z.number(), title: z.string(), details: z.string() }).nullable(),
  template: renderedTemplateSchema.nullable(),
});
export type SandboxMessage = z.infer<typeof sandboxMessageSchema>;

export const sandboxCustomerListSchema = z.object({ data: z.array(sandboxCustomerSchema) });
export const sandboxThreadSchema = z.object({ data: z.array(sandboxMessageSchema) });
export const sandboxReadResultSchema = z.object({ read: z.array(z.string()) });
