// Tagging conversations, one or many. Tags are the workspace's (tags.ts); tagging twice is a
// no-op, and a tag id that is not the workspace's is a 404 naming it before anything changes.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findConversationRef, findConversationRefs, publishUpdated } from './conversation-access.ts';
import { getConversationItem } from './get-conversation.ts';
import type { BulkTagsInput, ConversationListItem } from './schemas.ts';

export async function addConversationTags(
  conversationId: string,
  tagIds: string[],
  ctx: TenantContext,
): Promise<ConversationListItem> {
  const ref = await findConversationRef(ctx, conversationId);
  await checkTags(ctx, tagIds, 'tagIds');
  const added = await ctx.db.conversationTag.createMany({
    data: tagIds.map((tagId) => ({ tenantId: ctx.db.tenantId, conversationId, tagId })),
    skipDuplicates: true,
  });
  if (added.count > 0) {
    publishUpdated(ctx, ref, ['tags']);
  }
  return getConversationItem(conversationId, ctx);
}

export async function removeConversationTag(
  conversationId: string,
  tagId: string,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  const ref = await findConversationRef(ctx, conversationId);
  const removed = await ctx.db.conversationTag.deleteMany({ where: { conversationId, tagId } });
  if (removed.count > 0) {
    publishUpdated(ctx, ref, ['tags']);
  }
  return getConversationItem(conversationId, ctx);
}

/** Adds and removes tags on many conversations in one transaction: all of it or none. */
export async function bulkTags(input: BulkTagsInput, ctx: TenantContext): Promise<{ updated: number }> {
  const refs = await findConversationRefs(ctx, input.ids);
  await checkTags(ctx, input.add, 'add');
  await checkTags(ctx, input.remove, 'remove');
  const changed = await ctx.db.transaction(async (tx) => {
    const touched = new Set<string>();
    if (input.add.length > 0) {
      const added = await tx.conversationTag.createManyAndReturn({
        data: input.ids.flatMap((conversationId) =>
          input.add.map((tagId) => ({ tenantId: ctx.db.tenantId, conversationId, tagId })),
        ),
        skipDuplicates: true,
        select: { conversationId: true },
      });
      added.forEach((row) => touched.add(row.conversationId));
    }
    if (input.remove.length > 0) {
      const removed = await tx.conversationTag.findMany({
        where: { conversationId: { in: input.ids }, tagId: { in: input.remove } },
        select: { conversationId: true },
      });
      await tx.conversationTag.deleteMany({
        where: { conversationId: { in: input.ids }, tagId: { in: input.remove } },
      });
      removed.forEach((row) => touched.add(row.conversationId));
    }
    return touched;
  });
  for (const ref of refs.filter((r) => changed.has(r.id))) {
    publishUpdated(ctx, ref, ['tags']);
  }
  return { updated: changed.size };
}

async function checkTags(ctx: TenantContext, tagIds: string[], field: string): Promise<void> {
  if (tagIds.length === 0) {
    return;
  }
  const found = await ctx.db.tag.findMany({ where: { id: { in: tagIds } }, select: { id: true } });
  const known = new Set(found.map((t) => t.id));
  const missing = tagIds.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    throw AppError.field(`${field}.${missing}`, 'is not a tag of this workspace', 'NOT_FOUND');
  }
}
