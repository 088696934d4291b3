import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { conversationScope, scopeWhere } from '../inbox/conversation-scope.ts';
import { windowClosesAt } from './customer-window.ts';
import { messageSelect, toMessageView } from './message-view.ts';
import type { ConversationView, MessageView } from './schemas.ts';

export async function getMessage(messageId: string, ctx: TenantContext): Promise<MessageView> {
  const row = await ctx.db.message.findUnique({ where: { id: messageId }, select: messageSelect });
  if (!row) {
    throw AppError.notFound('Message');
  }
  return toMessageView(row, ctx.services.jwtSecret);
}

/** A conversation's messages, newest first. */
export async function listConversationMessages(
  conversationId: string,
  query: PageQuery,
  ctx: TenantContext,
): Promise<Page<MessageView>> {
  await getConversation(conversationId, ctx);
  const rows = await ctx.db.message.findMany({ ...pageArgs(query), where: { conversationId }, select: messageSelect });
  return toPage(rows, query, (row) => toMessageView(row, ctx.services.jwtSecret));
}

const conversationSelect = {
  id: true,
  channelId: true,
  status: true,
  unreadCount: true,
  lastMessageAt: true,
  lastInboundAt: true,
  contact: { select: { id: true, waId: true, phone: true, name: true, profileName: true } },
} as const;

export async function getConversation(conversationId: string, ctx: TenantContext): Promise<ConversationView> {
  // Outside the caller's view (an agent and a colleague's conversation) it is not found either.
  const row = await ctx.db.conversation.findFirst({
    where: { id: conversationId, ...scopeWhere(conversationScope(ctx.principal)) },
    select: conversationSelect,
  });
  if (!row) {
    throw AppError.notFound('Conversation');
  }
  return { ...row, windowClosesAt: windowClosesAt(row.lastInboundAt) };
}
