// Webhook payloads Meta POSTs (contract §2, §4, §5, §6). Envelopes are validated strictly enough
// to reject garbage; inner objects are loose so fields Meta adds later are kept, not dropped.
import { z } from 'zod';

export const cloudApiErrorObjectSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type CloudApiErrorObject = z.infer<typeof cloudApiErrorObjectSchema>;

const unixSeconds = z.string().regex(/^\d{1,12}$/, 'must be Unix seconds');

/** Fields every inbound message has; the type-specific part is parsed by inboundContentSchema. */
export const inboundMessageEnvelopeSchema = z.looseObject({
  from: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  timestamp: unixSeconds,
  type: z.string().min(1).max(64),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  referral: z.looseObject({}).optional(),
  errors: z.array(cloudApiErrorObjectSchema).optional(),
});
export type InboundMessageEnvelope = z.infer<typeof inboundMessageEnvelopeSchema>;

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed', 'played'] as const;

export const statusUpdateSchema = z.looseObject({
  id: z.string().min(1).max(256),
  /** Unknown statuses (old `deleted`/`warning`) are accepted and ignored by the pipeline. */
  status: z.string().min(1).max(32),
  timestamp: unixSeconds,
  recipient_id: z.string().min(1).max(64),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z.looseObject({}).optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  errors: z.array(cloudApiErrorObjectSchema).optional(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z
    .array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() }))
    .optional(),
  /** Kept as loose envelopes: one malformed message must not drop the others in the batch. */
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(cloudApiErrorObjectSchema).optional(),
});
export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

export const templateStatusChangeValueSchema = z.looseObject({
  event: z.string(),
  message_template_id: z.union([z.number(), z.string()]),
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.string().nullable().optional(),
  message_template_category: z.string().optional(),
  rejection_info: z.looseObject({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
});

export const webhookEnvelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: z.string(),
        time: z.number().optional(),
        changes: z.array(z.object({ field: z.string(), value: z.looseObject({}) })).max(1000),
      }),
    )
    .min(1)
    .max(1000),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
