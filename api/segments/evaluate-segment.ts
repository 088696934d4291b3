// Live evaluation for the API: the size of an unsaved tree, the builder's preview, a saved
// segment's size and its members page by page. A saved segment's count is stored as lastCount.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { contactVisibility } from '../contacts/contact-visibility.ts';
import type { SegmentGroup } from './condition-schemas.ts';
import { findSegmentRow, segmentCondition } from './manage-segments.ts';
import type { SegmentContact, SegmentCount, SegmentPreview, SegmentPreviewInput } from './schemas.ts';
import { compileSegmentWhere, runSql, selectSegmentContacts, type SegmentContactRow } from './segment-query.ts';
import { Prisma } from '#db/client';

/** The tree for the caller: only the contacts their role may see (contact groups' roles). */
export async function callerWhere(tree: SegmentGroup, ctx: TenantContext, now = new Date()): Promise<Prisma.Sql> {
  return compileSegmentWhere(ctx.db, tree, { now, visibility: await contactVisibility(ctx) });
}

export async function countTree(tree: SegmentGroup, ctx: TenantContext): Promise<SegmentCount> {
  const countedAt = new Date();
  const where = await callerWhere(tree, ctx, countedAt);
  const rows = await runSql<{ n: bigint }>(ctx.db, Prisma.sql`SELECT count(*) AS n FROM "Contact" c WHERE ${where}`);
  return { count: Number(rows[0]?.n ?? 0), countedAt };
}

export async function previewTree(input: SegmentPreviewInput, ctx: TenantContext): Promise<SegmentPreview> {
  const countedAt = new Date();
  const where = await callerWhere(input.condition, ctx, countedAt);
  const [count, rows] = await Promise.all([
    runSql<{ n: bigint }>(ctx.db, Prisma.sql`SELECT count(*) AS n FROM "Contact" c WHERE ${where}`),
    selectSegmentContacts(ctx.db, where, { limit: input.limit }),
  ]);
  return { count: Number(count[0]?.n ?? 0), countedAt, contacts: rows.map(toSegmentContact) };
}

/** A saved segment's size for the caller; stored as lastCount when the caller sees every contact. */
export async function countSavedSegment(id: string, ctx: TenantContext): Promise<SegmentCount> {
  const row = await findSegmentRow(id, ctx);
  const result = await countTree(segmentCondition(row), ctx);
  if ((await contactVisibility(ctx)).all) {
    await ctx.db.segment.updateMany({
      where: { id },
      data: { lastCount: result.count, lastCountedAt: result.countedAt },
    });
  }
  return result;
}

export async function listSegmentContacts(
  id: string,
  page: { limit: number; cursor?: string | undefined },
  ctx: TenantContext,
): Promise<Page<SegmentContact>> {
  const tree = segmentCondition(await findSegmentRow(id, ctx));
  const where = await callerWhere(tree, ctx);
  const rows = await selectSegmentContacts(ctx.db, where, { limit: page.limit + 1, cursor: page.cursor });
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  return { items: items.map(toSegmentContact), nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

export function toSegmentContact(row: SegmentContactRow): SegmentContact {
  return {
    id: row.id,
    phone: row.phone,
    name: row.name,
    profileName: row.profileName,
    email: row.email,
    optInStatus: (['opted_in', 'opted_out'].includes(row.optInStatus)
      ? row.optInStatus
      : 'unknown') as SegmentContact['optInStatus'],
    tags: row.tags,
    lastInboundAt: row.lastInboundAt,
    createdAt: row.createdAt,
  };
}
