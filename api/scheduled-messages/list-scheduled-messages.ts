// A conversation's scheduled messages, soonest first.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { scheduledMessageSelect, toScheduledMessageView } from './scheduled-message-view.ts';
import type { ListScheduledMessagesQuery, ScheduledMessageView } from './schemas.ts';

export async function listScheduledMessages(
  conversationId: string,
  query: ListScheduledMessagesQuery,
  ctx: TenantContext,
): Promise<Page<ScheduledMessageView>> {
  const conversation = await ctx.db.conversation.findUnique({ where: { id: conversationId }, select: { id: true } });
  if (!conversation) {
    throw AppError.notFound('Conversation');
  }
  const rows = await ctx.db.scheduledMessage.findMany({
    where: { conversationId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ sendAt: 'asc' }, { id: 'asc' }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: scheduledMessageSelect,
  });
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  return { items: page.map(toScheduledMessageView), nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
