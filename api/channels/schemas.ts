// Channels (WhatsApp numbers): what the API accepts and returns. Secrets go in, never out.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const CHANNEL_STATUSES = ['pending', 'connected', 'degraded', 'disconnected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

const graphId = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, `must be the numeric ${label} from Meta's WhatsApp Manager`);
const secret = z.string().trim().min(8, 'looks too short').max(1000);

export const channelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['sandbox', 'whatsapp_cloud']),
  status: z.enum(CHANNEL_STATUSES),
  statusReason: z.string().nullable(),
  wabaId: z.string().nullable(),
  phoneNumberId: z.string().nullable(),
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  /** Meta's throughput for the number (80, or 1,000 once upgraded): campaigns send at most this fast. */
  messagesPerSecond: z.number().int(),
  /** Meta's messaging-limit tier (unique customers per 24 h for business-initiated messages), e.g. TIER_2K. */
  messagingLimitTier: z.string().nullable(),
  /** Where Meta must send webhooks for this number (WhatsApp Manager → Configuration). */
  webhookUrl: z.string(),
  hasCredentials: z.boolean(),
  tokenExpiresAt: dateTimeSchema.nullable(),
  lastHealthCheckAt: dateTimeSchema.nullable(),
  connectedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type Channel = z.infer<typeof channelSchema>;
export const channelPageSchema = pageSchema(channelSchema);
export const channelParamsSchema = idParamSchema('channelId');

export const connectChannelInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(60),
  wabaId: graphId('WhatsApp Business Account id'),
  phoneNumberId: graphId('phone number id'),
  accessToken: secret,
  appSecret: secret,
  /** Chosen by you and entered in Meta's webhook settings; generated when omitted. */
  verifyToken: z.string().trim().min(8).max(200).optional(),
});
export type ConnectChannelInput = z.infer<typeof connectChannelInputSchema>;

export const updateChannelInputSchema = connectChannelInputSchema.omit({ phoneNumberId: true }).partial().strict();
export type UpdateChannelInput = z.infer<typeof updateChannelInputSchema>;

/** The verify token is shown to admins who set up Meta's webhook; it is not a Graph credential. */
export const channelWebhookSetupSchema = z.object({ webhookUrl: z.string(), verifyToken: z.string() });
