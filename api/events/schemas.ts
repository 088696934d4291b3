// The events Parley publishes to outgoing webhooks and automation rules: one zod contract per
// type, shared by the emitters (api/, activities/), the dispatcher, the web app's subscription
// editor and the docs. Payloads carry ids and the few fields a subscriber needs to act without
// calling back; subscribers dedupe on the envelope's event id (docs/webhooks.md).
import { z } from 'zod';

const contactRef = z.object({
  id: z.uuid(),
  phone: z.string(),
  name: z.string().nullable(),
});

export const eventPayloadSchemas = {
  'message.received': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    contact: contactRef,
    /** text, image, button, interactive, location, ... */
    type: z.string(),
    /** The text, caption or chosen button/list title; null for media without a caption */
    text: z.string().nullable(),
    /** It began a new conversation */
    conversationIsNew: z.boolean(),
  }),
  'message.status': z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    contactId: z.uuid(),
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    errorCode: z.number().int().nullable(),
  }),
  'conversation.created': z.object({
    conversationId: z.uuid(),
    channelId: z.uuid(),
    contact: contactRef,
  }),
  'conversation.assigned': z.object({
    conversationId: z.uuid(),
    channelId: z.uuid(),
    contactId: z.uuid(),
    assigneeUserId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
  }),
  'conversation.resolved': z.object({
    conversationId: z.uuid(),
    channelId: z.uuid(),
    contactId: z.uuid(),
  }),
  'contact.created': z.object({ contact: contactRef }),
  'contact.updated': z.object({
    contact: contactRef,
    /** What changed: a top-level attribute (name, email, optInStatus, ...) or `fields.<key>` */
    changes: z.array(z.object({ attribute: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
  'contact.tag_added': z.object({ contact: contactRef, tag: z.string() }),
  'flow_session.completed': z.object({
    sessionId: z.uuid(),
    flowId: z.uuid(),
    contactId: z.uuid(),
    channelId: z.uuid(),
    /** completed | handed_off | timed_out | cancelled | failed */
    outcome: z.string(),
  }),
  'campaign.finished': z.object({
    campaignId: z.uuid(),
    runId: z.uuid(),
    name: z.string(),
    /** completed | cancelled | failed */
    status: z.string(),
    counts: z.record(z.string(), z.number().int()),
  }),
  'template.status_changed': z.object({
    templateId: z.uuid(),
    name: z.string(),
    language: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
  }),
  /** The workspace's plan or its state changed (billing); no emitter until billing exists. */
  'subscription.changed': z.object({ plan: z.string(), status: z.string() }),
  /** Sent only by "send test event"; never by the platform itself. */
  'webhook.test': z.object({ subscriptionId: z.uuid(), message: z.string() }),
};

export type EventType = keyof typeof eventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

export const EVENT_TYPES = Object.keys(eventPayloadSchemas) as EventType[];
/** What a subscription may choose (the test event goes to whoever asks for it). */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((type) => type !== 'webhook.test');
export const eventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  'message.received': 'Message received',
  'message.status': 'Message status changed (sent, delivered, read, failed)',
  'conversation.created': 'Conversation created',
  'conversation.assigned': 'Conversation assigned',
  'conversation.resolved': 'Conversation resolved',
  'contact.created': 'Contact created',
  'contact.updated': 'Contact updated',
  'contact.tag_added': 'Tag added to a contact',
  'flow_session.completed': 'Flow session ended',
  'campaign.finished': 'Campaign finished',
  'template.status_changed': 'Template status changed',
  'subscription.changed': 'Subscription changed',
  'webhook.test': 'Test event',
};

/** The body of every webhook POST: a stable id to dedupe on, the type, when, and the payload. */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: eventTypeSchema,
  tenantId: z.uuid(),
  createdAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
