// Records an outbound message as queued, once per idempotency key, after the checks that can
// fail fast: the channel can send, the contact exists, a template is approved, and the 24-hour
// window allows the type.
// The send itself happens in the deliverMessage activity (retried by its workflow).
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import { assertTemplateSendable } from '../templates/send-check.ts';
import type { OutboundContent } from '../whatsapp/schemas.ts';
import { needsOpenWindow, windowClosesAt } from './customer-window.ts';
import { libraryMediaFieldOf, libraryMediaIdOf } from './library-media-ref.ts';

export type OutboundRequest = {
  channelId: string;
  contactId: string;
  content: OutboundContent;
  idempotencyKey: string;
  replyToMessageId?: string | undefined;
};

export type QueuedMessage = { messageId: string; conversationId: string; created: boolean };

export async function queueOutboundMessage(db: TenantDb, request: OutboundRequest): Promise<QueuedMessage> {
  // One transaction for the checks and the insert: this runs for every message a flow or an agent
  // sends, and a statement each would cost a round of BEGIN/COMMIT per check.
  return db.transaction(async (tx) => {
    const existing = await tx.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: db.tenantId, idempotencyKey: request.idempotencyKey } },
      select: { id: true, conversationId: true },
    });
    if (existing) {
      return { messageId: existing.id, conversationId: existing.conversationId, created: false };
    }
    const channel = await tx.channel.findUnique({
      where: { id: request.channelId },
      select: { status: true, accessToken: true, name: true },
    });
    const contact = await tx.contact.findUnique({ where: { id: request.contactId }, select: { id: true } });
    if (!channel) {
      throw AppError.field('channelId', 'is not a channel of this workspace', 'NOT_FOUND');
    }
    if (!channel.accessToken || channel.status === 'disconnected') {
      throw AppError.field(
        'channelId',
        `"${channel.name}" is not connected: reconnect it in Settings → Channels`,
        'CONFLICT',
      );
    }
    if (!contact) {
      throw AppError.field('to.contactId', 'is not a contact of this workspace', 'NOT_FOUND');
    }
    const content: OutboundContent =
      request.content.type === 'template'
        ? {
            ...request.content,
            template: await assertTemplateSendable(tx, request.channelId, request.content.template),
          }
        : request.content;
    const libraryMediaId = libraryMediaIdOf(content);
    if (libraryMediaId) {
      const media = await tx.media.findUnique({ where: { id: libraryMediaId }, select: { status: true } });
      if (media?.status !== 'stored') {
        throw AppError.field(libraryMediaFieldOf(content), 'is not a file of the media library', 'NOT_FOUND');
      }
    }
    const now = new Date();
    const conversation = await tx.conversation.upsert({
      where: { channelId_contactId: { channelId: request.channelId, contactId: request.contactId } },
      create: { tenantId: db.tenantId, channelId: request.channelId, contactId: request.contactId, lastMessageAt: now },
      // Any answer (agent, bot, campaign) ends the customer's wait (the inbox's waiting sort).
      update: { lastMessageAt: now, waitingSince: null },
      select: { id: true, lastInboundAt: true },
    });
    if (needsOpenWindow(content.type) && !windowClosesAt(conversation.lastInboundAt)) {
      throw AppError.field(
        'content.type',
        'cannot be sent: the 24-hour customer-service window is closed (the customer has not written in the last 24 hours). Send an approved template instead.',
        'CONFLICT',
      );
    }
    const replyTo = request.replyToMessageId
      ? await tx.message.findUnique({
          where: { id: request.replyToMessageId },
          select: { providerMessageId: true, conversationId: true },
        })
      : null;
    if (request.replyToMessageId && (!replyTo?.providerMessageId || replyTo.conversationId !== conversation.id)) {
      throw AppError.field('replyToMessageId', 'is not a delivered message of this conversation', 'NOT_FOUND');
    }
    const message = await tx.message.create({
      data: {
        tenantId: db.tenantId,
        conversationId: conversation.id,
        channelId: request.channelId,
        contactId: request.contactId,
        direction: 'outbound',
        type: content.type,
        content: content as object,
        text: outboundText(content),
        status: 'queued',
        idempotencyKey: request.idempotencyKey,
        replyToProviderId: replyTo?.providerMessageId ?? null,
        // The thread shows the library file as the message's media.
        mediaId: libraryMediaId,
      },
      select: { id: true },
    });
    return { messageId: message.id, conversationId: conversation.id, created: true };
  });
}

export function outboundText(content: OutboundContent): string | null {
  switch (content.type) {
    case 'text':
      return content.text.body;
    case 'image':
      return content.image.caption ?? null;
    case 'video':
      return content.video.caption ?? null;
    case 'document':
      return content.document.caption ?? null;
    case 'interactive':
      return content.interactive.body.text;
    case 'template':
      return `[template ${content.template.name}]`;
    case 'reaction':
      return content.reaction.emoji;
    case 'location':
      return content.location.name ?? null;
    default:
      return null;
  }
}
