// Messages and conversations as the API and the web app see them.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';
import { outboundContentSchema } from '../whatsapp/schemas.ts';

export const MESSAGE_STATUSES = [
  'received',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
] as const;

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  channelId: z.uuid(),
  contactId: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  /** Meta's own shape for the type (api/whatsapp/schemas.ts). */
  content: z.record(z.string(), z.unknown()),
  text: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  error: z
    .object({ code: z.number().int().nullable(), title: z.string().nullable(), details: z.string().nullable() })
    .nullable(),
  providerMessageId: z.string().nullable(),
  replyToProviderId: z.string().nullable(),
  media: z
    .object({
      id: z.uuid(),
      mimeType: z.string(),
      status: z.string(),
      filename: z.string().nullable(),
      url: z.string().nullable(),
    })
    .nullable(),
  createdAt: dateTimeSchema,
  sentAt: dateTimeSchema.nullable(),
  deliveredAt: dateTimeSchema.nullable(),
  readAt: dateTimeSchema.nullable(),
  failedAt: dateTimeSchema.nullable(),
});
export type MessageView = z.infer<typeof messageSchema>;
export const messagePageSchema = pageSchema(messageSchema);
export const messageParamsSchema = idParamSchema('messageId');

export const sendMessageInputSchema = z.object({
  channelId: z.uuid(),
  /** An existing contact, or a phone number in international format (the contact is created). */
  to: z.union([
    z.object({ contactId: z.uuid() }),
    z.object({
      phone: z
        .string()
        .regex(/^\+?[1-9]\d{6,14}$/, 'must be a phone number in international format, e.g. +14155550123'),
    }),
  ]),
  content: outboundContentSchema,
  replyToMessageId: z.uuid().optional(),
  /** Sending again with the same key returns the first message instead of sending twice. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

export const conversationSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  status: z.string(),
  unreadCount: z.number().int(),
  lastMessageAt: dateTimeSchema,
  lastInboundAt: dateTimeSchema.nullable(),
  /** When the 24-hour customer-service window closes; null when it is closed. */
  windowClosesAt: dateTimeSchema.nullable(),
  contact: z.object({
    id: z.uuid(),
    waId: z.string(),
    phone: z.string(),
    name: z.string().nullable(),
    profileName: z.string().nullable(),
  }),
});
export type ConversationView = z.infer<typeof conversationSchema>;
export const conversationPageSchema = pageSchema(conversationSchema);
export const conversationParamsSchema = idParamSchema('conversationId');
