// The workspace's conversation tags: a name and a colour each, and how many conversations carry
// them. Deleting a tag takes it off every conversation (the rows cascade).
import { Prisma } from '#db/client';
import { isUniqueViolation } from '#db/errors';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { effectiveStatusSql } from './conversation-filter-sql.ts';
import type { CreateTagInput, Tag, TagStats, UpdateTagInput } from './schemas.ts';

const tagSelect = { id: true, name: true, color: true, createdAt: true } as const;

export async function listTags(ctx: TenantContext): Promise<{ items: Tag[] }> {
  return { items: await ctx.db.tag.findMany({ orderBy: { name: 'asc' }, select: tagSelect }) };
}

export async function createTag(input: CreateTagInput, ctx: TenantContext): Promise<Tag> {
  return ctx.db.tag.create({ data: { tenantId: ctx.db.tenantId, ...input }, select: tagSelect }).catch(nameTaken);
}

export async function updateTag(tagId: string, input: UpdateTagInput, ctx: TenantContext): Promise<Tag> {
  await getTag(tagId, ctx);
  return ctx.db.tag
    .update({
      where: { id: tagId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.color ? { color: input.color } : {}),
      },
      select: tagSelect,
    })
    .catch(nameTaken);
}

export async function deleteTag(tagId: string, ctx: TenantContext): Promise<void> {
  await getTag(tagId, ctx);
  await ctx.db.tag.delete({ where: { id: tagId } });
}

/** Per tag: conversations carrying it, and how many of those are open (a run-out snooze counts). */
export async function tagStats(ctx: TenantContext): Promise<TagStats> {
  const now = new Date().toISOString();
  const rows = await ctx.db.transaction((tx) =>
    tx.$queryRaw<Array<{ id: string; name: string; color: string; conversations: bigint; open: bigint }>>(Prisma.sql`
      SELECT t.id, t.name, t.color, count(cv.id) AS conversations,
        count(cv.id) FILTER (WHERE ${effectiveStatusSql(now)} = 'open') AS open
      FROM "Tag" t
      LEFT JOIN "ConversationTag" x ON x."tagId" = t.id
      LEFT JOIN "Conversation" cv ON cv.id = x."conversationId"
      WHERE t."tenantId" = ${ctx.db.tenantId}::uuid
      GROUP BY t.id ORDER BY t.name`),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      color: row.color,
      conversations: Number(row.conversations),
      openConversations: Number(row.open),
    })),
  };
}

async function getTag(tagId: string, ctx: TenantContext) {
  const tag = await ctx.db.tag.findUnique({ where: { id: tagId }, select: { id: true } });
  if (!tag) {
    throw AppError.notFound('Tag');
  }
  return tag;
}

function nameTaken(error: unknown): never {
  throw isUniqueViolation(error) ? AppError.field('name', 'is already the name of another tag', 'CONFLICT') : error;
}
