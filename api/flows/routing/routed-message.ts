// An inbound message as routing sees it: built from what ingestion just stored (no read back),
// or read from the database (the test panel's opening message).
import type { TenantDb } from '#db/tenant-db';
import type { StoredInbound } from '../../webhooks/store-inbound.ts';
import type { LiveSession } from '../session-sql.ts';

export type RoutedMessage = {
  id: string;
  channelId: string;
  contactId: string;
  conversationId: string;
  providerMessageId: string | null;
  type: string;
  content: unknown;
  text: string | null;
  mediaId: string | null;
  /** When the customer sent it (WhatsApp's timestamp), else when it was stored. */
  sentAt: Date;
  /** The contact's live session as ingestion saw it; undefined when not known (look it up). */
  liveSession?: LiveSession | null;
};

/** Newly stored messages in the order the customer sent them. */
export function routedMessagesOf(channelId: string, stored: StoredInbound[]): RoutedMessage[] {
  return stored
    .map((m) => ({
      id: m.messageId,
      channelId,
      contactId: m.contactId,
      conversationId: m.conversationId,
      providerMessageId: m.row.providerMessageId,
      type: m.row.type,
      content: m.row.content,
      text: m.row.text,
      mediaId: m.mediaId,
      sentAt: m.row.providerTimestamp,
      liveSession: m.liveSession,
    }))
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()); // stable: equal times keep webhook order
}

/** Stored inbound messages in the order the customer sent them. */
export async function loadRoutedMessages(db: TenantDb, messageIds: string[]): Promise<RoutedMessage[]> {
  const rows = await db.message.findMany({
    where: { id: { in: messageIds }, direction: 'inbound' },
    orderBy: [{ providerTimestamp: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      channelId: true,
      contactId: true,
      conversationId: true,
      providerMessageId: true,
      type: true,
      content: true,
      text: true,
      mediaId: true,
      providerTimestamp: true,
      createdAt: true,
    },
  });
  return rows.map(({ providerTimestamp, createdAt, ...row }) => ({ ...row, sentAt: providerTimestamp ?? createdAt }));
}
