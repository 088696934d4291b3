// Everything the simulator remembers: numbers, customers, threads, templates, media. The record
// schemas double as the persisted snapshot's format, so a hand-edited or stale state file is
// rejected at load instead of crashing later.
import { z } from 'zod';

const ms = z.number().int();
const jsonObject = z.record(z.string(), z.unknown());

export const businessProfileRecordSchema = z.object({
  about: z.string(),
  address: z.string(),
  description: z.string(),
  email: z.string(),
  websites: z.array(z.string()),
  vertical: z.string(),
  /** Media id of the uploaded profile picture (Resumable Upload API), if any. */
  pictureMediaId: z.string().nullable(),
});
export type BusinessProfileRecord = z.infer<typeof businessProfileRecordSchema>;

export const phoneNumberRecordSchema = z.object({
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhoneNumber: z.string(),
  verifiedName: z.string(),
  accessToken: z.string(),
  appSecret: z.string(),
  webhookUrl: z.string(),
  verifyToken: z.string().nullable(),
  tokenExpiresAt: ms.nullable(),
  throughputPerSecond: z.number().nullable(),
  /** Meta's messaging-limit tier the number reports (reported only, not enforced). */
  messagingLimitTier: z.string().default('TIER_UNLIMITED'),
  profile: businessProfileRecordSchema,
});
export type PhoneNumberRecord = z.infer<typeof phoneNumberRecordSchema>;

export const customerRecordSchema = z.object({
  phoneNumberId: z.string(),
  waId: z.string(),
  name: z.string(),
  online: z.boolean(),
  createdAt: ms,
  /** Last message from the customer: the 24 h customer-service window runs from here. */
  lastInboundAt: ms.nullable(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

export const OUTBOUND_STATUSES = ['accepted', 'sent', 'delivered', 'read', 'failed'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

export const messageErrorSchema = z.object({ code: z.number().int(), title: z.string(), details: z.string() });
export type MessageError = z.infer<typeof messageErrorSchema>;

export const pricingSchema = z.object({
  billable: z.boolean(),
  pricing_model: z.literal('PMP'),
  type: z.string(),
  category: z.string(),
});
export type Pricing = z.infer<typeof pricingSchema>;

/** A template send as the customer sees it, kept so the phone can render it and tap its buttons. */
export const renderedTemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  header: z.string().nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  buttons: z.array(z.object({ type: z.string(), text: z.string(), payload: z.string().nullable() })),
});
export type RenderedTemplate = z.infer<typeof renderedTemplateSchema>;

export const messageRecordSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  waId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  timestamp: ms,
  /** Meta's own shape: `{ type, [type]: {...} }` as sent (outbound) or as webhooked (inbound). */
  content: jsonObject,
  /** wamid of the quoted message, if any. */
  contextId: z.string().nullable(),
  /** Outbound: accepted → sent → delivered → read, or failed. Inbound: delivered, or read by the business. */
  status: z.enum([...OUTBOUND_STATUSES]),
  error: messageErrorSchema.nullable(),
  bizOpaqueCallbackData: z.string().nullable(),
  pricing: pricingSchema.nullable(),
  /** Pricing already reported on delivered/read (Meta sends it on sent and on one of them). */
  pricingReported: z.boolean(),
  template: renderedTemplateSchema.nullable(),
});
export type MessageRecord = z.infer<typeof messageRecordSchema>;

export const TEMPLATE_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'ARCHIVED',
  'LIMIT_EXCEEDED',
] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const templateRecordSchema = z.object({
  id: z.string(),
  wabaId: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  parameterFormat: z.enum(['named', 'positional']),
  components: z.array(jsonObject),
  /** Rejection reason (`NONE` when approved). */
  reason: z.string().nullable(),
  /** GREEN, YELLOW, RED or UNKNOWN (set by the control API's quality hook). */
  qualityScore: z.string().optional(),
  createdAt: ms,
});
export type TemplateRecord = z.infer<typeof templateRecordSchema>;

export const mediaRecordSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  fileSize: z.number().int(),
  filename: z.string().nullable(),
  createdAt: ms,
  expiresAt: ms,
  /** `upload` = a Resumable Upload file (profile picture, template header), not WhatsApp media. */
  kind: z.enum(['media', 'upload']),
});
export type MediaRecord = z.infer<typeof mediaRecordSchema>;

export const snapshotSchema = z.object({
  version: z.literal(1),
  numbers: z.array(phoneNumberRecordSchema),
  customers: z.array(customerRecordSchema),
  messages: z.array(messageRecordSchema),
  templates: z.array(templateRecordSchema),
  media: z.array(mediaRecordSchema),
  /** Resumable-upload handle → media id. */
  handles: z.record(z.string(), z.string()),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
