// A conversation's priority (none … urgent): a filter and a badge in the list.
import type { TenantContext } from '../context.ts';
import { findConversationRef, publishUpdated } from './conversation-access.ts';
import { getConversationItem } from './get-conversation.ts';
import type { ConversationListItem, SetPriorityInput } from './schemas.ts';

export async function setConversationPriority(
  conversationId: string,
  input: SetPriorityInput,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  const ref = await findConversationRef(ctx, conversationId);
  const updated = await ctx.db.conversation.updateMany({
    where: { id: conversationId, priority: { not: input.priority } },
    data: { priority: input.priority },
  });
  if (updated.count > 0) {
    publishUpdated(ctx, ref, ['priority']);
  }
  return getConversationItem(conversationId, ctx);
}
