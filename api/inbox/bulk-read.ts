// Marks many conversations read at once (unread counts back to 0). Unlike opening one
// conversation (POST …/read), no read receipts go to WhatsApp: a bulk action is housekeeping, and
// hundreds of receipts would turn blue ticks on for chats nobody looked at.
import type { TenantContext } from '../context.ts';
import { findConversationRefs, publishUpdated } from './conversation-access.ts';
import type { BulkIdsInput, BulkResult } from './schemas.ts';

export async function bulkMarkRead(input: BulkIdsInput, ctx: TenantContext): Promise<BulkResult> {
  const refs = await findConversationRefs(ctx, input.ids);
  const unread = await ctx.db.conversation.findMany({
    where: { id: { in: input.ids }, unreadCount: { gt: 0 } },
    select: { id: true },
  });
  if (unread.length === 0) {
    return { updated: 0 };
  }
  const ids = new Set(unread.map((row) => row.id));
  await ctx.db.conversation.updateMany({ where: { id: { in: [...ids] } }, data: { unreadCount: 0 } });
  for (const ref of refs.filter((r) => ids.has(r.id))) {
    publishUpdated(ctx, ref, ['read']);
  }
  return { updated: ids.size };
}
