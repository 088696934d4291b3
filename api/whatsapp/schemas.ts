// Message content in Meta's own shapes (Cloud API contract §4 and §7), shared by the API, the
// simulator, workflows and the web app. A message is `{ type, [type]: {...} }` exactly as Meta
// sends and receives it, so nothing is lost translating between Parley and WhatsApp.
import { z } from 'zod';
import { WHATSAPP_LIMITS as L } from './limits.ts';

const trimmedId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => v.trim() === v, 'must not start or end with spaces');

/** A coordinate: Meta's send example writes them as strings, webhooks as numbers. */
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).pipe(z.coerce.number());

/** A media object of a send: an uploaded media id or a public https link, plus type-specific fields. */
function mediaObject<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ id: z.string().min(1).optional(), link: z.url({ protocol: /^https?$/ }).optional(), ...extra })
    .refine((media) => hasOneSource(media as { id?: string; link?: string }), 'give exactly one of id or link');
}

function hasOneSource(media: { id?: string; link?: string }): boolean {
  return Boolean(media.id) !== Boolean(media.link);
}

export const mediaRefSchema = mediaObject({});
const caption = z.string().max(L.mediaCaption).optional();

export const contactCardSchema = z.looseObject({
  name: z.looseObject({
    formatted_name: z.string().min(1),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    middle_name: z.string().optional(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  }),
  phones: z
    .array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() }))
    .optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
  addresses: z.array(z.looseObject({})).optional(),
  org: z
    .looseObject({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() })
    .optional(),
  urls: z.array(z.looseObject({ url: z.string().optional(), type: z.string().optional() })).optional(),
  birthday: z.string().optional(),
});

export const locationSchema = z.object({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});

const interactiveHeaderSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(L.buttons.headerText) }),
  z.object({ type: z.literal('image'), image: mediaRefSchema }),
  z.object({ type: z.literal('video'), video: mediaRefSchema }),
  z.object({ type: z.literal('document'), document: mediaRefSchema }),
]);

export const replyButtonsSchema = z.object({
  type: z.literal('button'),
  header: interactiveHeaderSchema.optional(),
  body: z.object({ text: z.string().min(1).max(L.buttons.body) }),
  footer: z.object({ text: z.string().min(1).max(L.buttons.footer) }).optional(),
  action: z.object({
    buttons: z
      .array(
        z.object({
          type: z.literal('reply'),
          reply: z.object({ id: trimmedId(L.buttons.id), title: z.string().min(1).max(L.buttons.title) }),
        }),
      )
      .min(1)
      .max(L.buttons.max)
      .refine(
        (buttons) => new Set(buttons.map((b) => b.reply.title)).size === buttons.length,
        'button titles must be unique',
      )
      .refine(
        (buttons) => new Set(buttons.map((b) => b.reply.id)).size === buttons.length,
        'button ids must be unique',
      ),
  }),
});

export const listSchema = z.object({
  type: z.literal('list'),
  header: z.object({ type: z.literal('text'), text: z.string().min(1).max(L.list.headerText) }).optional(),
  body: z.object({ text: z.string().min(1).max(L.list.body) }),
  footer: z.object({ text: z.string().min(1).max(L.list.footer) }).optional(),
  action: z.object({
    button: z.string().min(1).max(L.list.button),
    sections: z
      .array(
        z.object({
          title: z.string().min(1).max(L.list.sectionTitle).optional(),
          rows: z
            .array(
              z.object({
                id: trimmedId(L.list.rowId),
                title: z.string().min(1).max(L.list.rowTitle),
                description: z.string().max(L.list.rowDescription).optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1)
      .max(L.list.sections)
      .refine(
        (sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= L.list.rowsTotal,
        `at most ${L.list.rowsTotal} rows in total`,
      )
      .refine(
        (sections) => sections.length === 1 || sections.every((s) => s.title),
        'every section needs a title when there are several',
      )
      .refine((sections) => {
        const ids = sections.flatMap((s) => s.rows.map((r) => r.id));
        return new Set(ids).size === ids.length;
      }, 'row ids must be unique'),
  }),
});

const templateParameterSchema = z.looseObject({
  type: z.enum(['text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code']),
  parameter_name: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  text: z.string().optional(),
  payload: z.string().optional(),
  coupon_code: z.string().optional(),
});

export const templateComponentSchema = z.looseObject({
  type: z
    .enum(['header', 'body', 'button', 'HEADER', 'BODY', 'BUTTON'])
    .transform((t) => t.toLowerCase() as 'header' | 'body' | 'button'),
  sub_type: z.string().optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(templateParameterSchema).optional(),
});

export const templateMessageSchema = z.object({
  name: z.string().min(1).max(L.template.name),
  language: z.object({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z.array(templateComponentSchema).optional(),
});

/** What Parley sends: the type-specific part of a send request. */
export const outboundContentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.object({ body: z.string().min(1).max(L.textBody), preview_url: z.boolean().optional() }),
  }),
  z.object({ type: z.literal('image'), image: mediaObject({ caption }) }),
  z.object({ type: z.literal('video'), video: mediaObject({ caption }) }),
  z.object({
    type: z.literal('document'),
    document: mediaObject({ caption, filename: z.string().max(240).optional() }),
  }),
  z.object({ type: z.literal('audio'), audio: mediaRefSchema }),
  z.object({ type: z.literal('sticker'), sticker: mediaRefSchema }),
  z.object({ type: z.literal('location'), location: locationSchema }),
  z.object({ type: z.literal('contacts'), contacts: z.array(contactCardSchema).min(1).max(L.contactsPerMessage) }),
  z.object({
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [replyButtonsSchema, listSchema]),
  }),
  z.object({ type: z.literal('template'), template: templateMessageSchema }),
  z.object({
    type: z.literal('reaction'),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string().max(16) }),
  }),
]);
export type OutboundContent = z.infer<typeof outboundContentSchema>;
export type OutboundType = OutboundContent['type'];

/** `POST /<PHONE_NUMBER_ID>/messages` (contract §7.1). */
export const sendMessageRequestSchema = z.intersection(
  z.object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().regex(/^\+?\d{6,20}$/, 'must be a phone number in international format'),
    context: z.object({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(L.bizOpaqueCallbackData).optional(),
  }),
  outboundContentSchema,
);
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

export const sendMessageResponseSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })),
  messages: z.array(z.object({ id: z.string(), message_status: z.string().optional() })),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

/** `POST /<PHONE_NUMBER_ID>/messages` with `status: "read"` (contract §7.5). */
export const markReadRequestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

const inboundMedia = z.looseObject({
  id: z.string(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
});

/** The type-specific part of an inbound message (contract §4). Unknown fields are kept. */
export const inboundContentSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text'), text: z.looseObject({ body: z.string() }) }),
  z.looseObject({ type: z.literal('image'), image: inboundMedia }),
  z.looseObject({ type: z.literal('video'), video: inboundMedia }),
  z.looseObject({ type: z.literal('audio'), audio: inboundMedia.extend({ voice: z.boolean().optional() }) }),
  z.looseObject({ type: z.literal('document'), document: inboundMedia.extend({ filename: z.string().optional() }) }),
  z.looseObject({ type: z.literal('sticker'), sticker: inboundMedia.extend({ animated: z.boolean().optional() }) }),
  z.looseObject({ type: z.literal('location'), location: locationSchema.loose() }),
  z.looseObject({ type: z.literal('contacts'), contacts: z.array(contactCardSchema) }),
  z.looseObject({
    type: z.literal('interactive'),
    interactive: z.union([
      z.looseObject({ type: z.literal('button_reply'), button_reply: z.object({ id: z.string(), title: z.string() }) }),
      z.looseObject({
        type: z.literal('list_reply'),
        list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }),
      }),
      z.looseObject({ type: z.string() }),
    ]),
  }),
  z.looseObject({
    type: z.literal('button'),
    button: z.looseObject({ payload: z.string().optional(), text: z.string() }),
  }),
  z.looseObject({
    type: z.literal('reaction'),
    reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }),
  }),
  z.looseObject({
    type: z.literal('unsupported'),
    unsupported: z.looseObject({ type: z.string().optional() }).optional(),
  }),
]);
export type InboundContent = z.infer<typeof inboundContentSchema>;

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}
