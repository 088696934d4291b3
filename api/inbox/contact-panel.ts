// The contact side panel's extras: every custom field, and the contact's other conversations
// (on the workspace's other numbers).
import type { TenantContext } from '../context.ts';
import { findConversationRef } from './conversation-access.ts';
import { toListItem } from './conversation-row.ts';
import { selectConversations } from './list-conversations.ts';
import { conversationFilterSchema, type ConversationPage } from './schemas.ts';

const PREVIOUS_LIMIT = 50;

export async function listContactFields(conversationId: string, ctx: TenantContext) {
  const ref = await findConversationRef(ctx, conversationId);
  const contact = await ctx.db.contact.findUniqueOrThrow({ where: { id: ref.contactId }, select: { fields: true } });
  const fields = (contact.fields ?? {}) as Record<string, unknown>;
  return {
    items: Object.keys(fields)
      .sort()
      .map((key) => ({ key, value: fields[key] })),
  };
}

export async function listPreviousConversations(conversationId: string, ctx: TenantContext): Promise<ConversationPage> {
  const ref = await findConversationRef(ctx, conversationId);
  const now = new Date();
  const rows = await selectConversations(ctx, conversationFilterSchema.parse({ contactId: ref.contactId }), {
    now,
    cursor: null,
    limit: PREVIOUS_LIMIT + 1,
  });
  return {
    items: rows
      .filter((row) => row.id !== conversationId)
      .slice(0, PREVIOUS_LIMIT)
      .map((row) => toListItem(row, now.getTime())),
    nextCursor: null,
  };
}
