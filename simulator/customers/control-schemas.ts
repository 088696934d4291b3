// Requests of the control API (`/_sandbox`), which plays the customers' phones. Message requests
// follow Meta's `{ type, [type]: {...} }` shape; media travels as base64.
import { z } from 'zod';
import { contactCardSchema } from '#api/whatsapp/schemas';
import { TEMPLATE_STATUSES } from '../state/simulator-state.ts';

const waId = z.string().regex(/^\d{6,20}$/, 'digits only, 6 to 20 of them');
const when = z
  .union([z.number().int(), z.iso.datetime({ offset: true })])
  .transform((v) => (typeof v === 'number' ? v : new Date(v).getTime()));

export const createCustomerSchema = z.object({
  name: z.string().trim().min(1).max(256),
  waId: waId.optional(),
  online: z.boolean().optional(),
});

const upload = z.object({
  data: z.base64(),
  mimeType: z.string().min(3).max(255),
  filename: z.string().min(1).max(240).optional(),
  caption: z.string().max(1024).optional(),
});

/** Quote a message (reply), as the phone's swipe-to-reply does. */
const replyTo = z.string().min(1).optional();
const forwarded = z.boolean().optional();

export const customerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.object({ body: z.string().min(1).max(65_536) }), replyTo, forwarded }),
  z.object({ type: z.literal('image'), image: upload, replyTo, forwarded }),
  z.object({ type: z.literal('video'), video: upload, replyTo, forwarded }),
  z.object({ type: z.literal('document'), document: upload, replyTo, forwarded }),
  z.object({ type: z.literal('audio'), audio: upload.extend({ voice: z.boolean().optional() }), replyTo, forwarded }),
  z.object({ type: z.literal('sticker'), sticker: upload.extend({ animated: z.boolean().optional() }), replyTo }),
  z.object({
    type: z.literal('location'),
    location: z.object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().max(1000).optional(),
      address: z.string().max(1000).optional(),
      url: z.string().max(2000).optional(),
    }),
    replyTo,
    forwarded,
  }),
  z.object({ type: z.literal('contacts'), contacts: z.array(contactCardSchema).min(1).max(257), replyTo, forwarded }),
  /** A tap on a reply button or list row of the business message `replyTo`. */
  z.object({
    type: z.literal('interactive'),
    interactive: z.object({ id: z.string().min(1) }),
    replyTo: z.string().min(1),
  }),
  /** A tap on a template quick-reply button (by its label) of the template message `replyTo`. */
  z.object({ type: z.literal('button'), button: z.object({ text: z.string().min(1) }), replyTo: z.string().min(1) }),
  /** `emoji` absent removes the customer's reaction. */
  z.object({
    type: z.literal('reaction'),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string().min(1).max(16).optional() }),
  }),
  z.object({
    type: z.literal('unsupported'),
    unsupported: z.object({ type: z.string().min(1).max(64).default('edit') }).default({ type: 'edit' }),
  }),
]);
export type CustomerMessageRequest = z.output<typeof customerMessageSchema>;

export const closeWindowSchema = z.object({ closedAt: when.optional() });
export const presenceSchema = z.object({ online: z.boolean() });
export const verifyWebhookSchema = z.object({ verifyToken: z.string().min(1).optional() });
export const templateQualitySchema = z.object({ score: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']) });
export const templateStatusSchema = z.object({
  status: z.enum(TEMPLATE_STATUSES),
  reason: z.string().max(64).optional(),
});
