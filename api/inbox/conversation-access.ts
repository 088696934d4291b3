// Finding the conversations an action applies to: in the workspace and in the caller's scope
// (conversation-scope.ts), else 404. Bulk actions are all or nothing, so every id is checked
// before anything changes and the first unknown one is named.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { conversationScope, scopeWhere } from './conversation-scope.ts';
import type { ConversationChange } from './schemas.ts';

export const conversationRefSelect = {
  id: true,
  channelId: true,
  contactId: true,
  status: true,
  snoozedUntil: true,
  assigneeUserId: true,
  teamId: true,
} as const satisfies Prisma.ConversationSelect;

export type ConversationRef = Prisma.ConversationGetPayload<{ select: typeof conversationRefSelect }>;

export async function findConversationRef(ctx: TenantContext, conversationId: string): Promise<ConversationRef> {
  const row = await ctx.db.conversation.findFirst({
    where: { id: conversationId, ...scopeWhere(conversationScope(ctx.principal)) },
    select: conversationRefSelect,
  });
  if (!row) {
    throw AppError.notFound('Conversation');
  }
  return row;
}

export async function findConversationRefs(ctx: TenantContext, ids: readonly string[]): Promise<ConversationRef[]> {
  const rows = await ctx.db.conversation.findMany({
    where: { id: { in: [...ids] }, ...scopeWhere(conversationScope(ctx.principal)) },
    select: conversationRefSelect,
  });
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw AppError.field(`ids.${missing}`, `${ids[missing]} is not a conversation of this workspace`, 'NOT_FOUND');
  }
  return rows;
}

/** Tells open inboxes what changed (they refetch the conversation). */
export function publishUpdated(
  ctx: TenantContext,
  conversation: { id: string; channelId: string },
  changes: ConversationChange[],
): void {
  ctx.services.realtime.publish(ctx.db.tenantId, 'conversation.updated', {
    conversationId: conversation.id,
    channelId: conversation.channelId,
    changes,
  });
}
