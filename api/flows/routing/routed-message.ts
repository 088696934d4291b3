// An inbound message as routing reads it back after ingestion.
import type { TenantDb } from '#db/tenant-db';

export const routedMessageSelect = {
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
} as const;

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
  providerTimestamp: Date | null;
  createdAt: Date;
};

/** Inbound messages in the order the customer sent them. */
export function loadRoutedMessages(db: TenantDb, messageIds: string[]): Promise<RoutedMessage[]> {
  return db.message.findMany({
    where: { id: { in: messageIds }, direction: 'inbound' },
    orderBy: [{ providerTimestamp: 'asc' }, { createdAt: 'asc' }],
    select: routedMessageSelect,
  });
}
