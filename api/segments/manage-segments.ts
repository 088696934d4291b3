// Saved segments: list, read, create, edit, delete. A tree is validated (custom fields, groups and
// flows of the workspace) and counted when it is saved; a name is unique per workspace (409 naming
// `name`). Changes are audited.
import { isUniqueViolation } from '#db/errors';
import type { Prisma } from '#db/client';
import { audit } from '../audit/record-audit.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { segmentConditionSchema, type SegmentGroup } from './condition-schemas.ts';
import type { CreateSegmentInput, Segment, UpdateSegmentInput } from './schemas.ts';
import { countSegment } from './segment-query.ts';

export const segmentSelect = {
  id: true,
  name: true,
  description: true,
  condition: true,
  lastCount: true,
  lastCountedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SegmentSelect;

type SegmentRow = Prisma.SegmentGetPayload<{ select: typeof segmentSelect }>;

export async function listSegments(ctx: TenantContext): Promise<{ items: Segment[] }> {
  const rows = await ctx.db.segment.findMany({ orderBy: [{ name: 'asc' }], select: segmentSelect });
  return { items: rows.map(toSegment) };
}

export async function getSegment(id: string, ctx: TenantContext): Promise<Segment> {
  return toSegment(await findSegmentRow(id, ctx));
}

export async function createSegment(input: CreateSegmentInput, ctx: TenantContext): Promise<Segment> {
  const now = new Date();
  const count = await countSegment(ctx.db, input.condition, { now });
  const row = await ctx.db.segment
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        name: input.name,
        description: input.description ?? null,
        condition: input.condition,
        lastCount: count,
        lastCountedAt: now,
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      },
      select: segmentSelect,
    })
    .catch(duplicateName);
  await audit(ctx, {
    action: 'segment.created',
    targetType: 'segment',
    targetId: row.id,
    metadata: { name: row.name },
  });
  return toSegment(row);
}

export async function updateSegment(id: string, input: UpdateSegmentInput, ctx: TenantContext): Promise<Segment> {
  const existing = await findSegmentRow(id, ctx);
  const now = new Date();
  const count = input.condition ? await countSegment(ctx.db, input.condition, { now }) : undefined;
  const row = await ctx.db.segment
    .update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.condition ? { condition: input.condition, lastCount: count!, lastCountedAt: now } : {}),
      },
      select: segmentSelect,
    })
    .catch(duplicateName);
  const changed = Object.keys(input).filter((key) => input[key as keyof UpdateSegmentInput] !== undefined);
  await audit(ctx, {
    action: 'segment.updated',
    targetType: 'segment',
    targetId: id,
    metadata: { name: row.name, ...(existing.name !== row.name ? { previousName: existing.name } : {}), changed },
  });
  return toSegment(row);
}

export async function deleteSegment(id: string, ctx: TenantContext): Promise<void> {
  const existing = await findSegmentRow(id, ctx);
  await ctx.db.segment.deleteMany({ where: { id } });
  await audit(ctx, {
    action: 'segment.deleted',
    targetType: 'segment',
    targetId: id,
    metadata: { name: existing.name },
  });
}

export async function findSegmentRow(id: string, ctx: TenantContext): Promise<SegmentRow> {
  const row = await ctx.db.segment.findFirst({ where: { id }, select: segmentSelect });
  if (!row) {
    throw AppError.notFound('Segment');
  }
  return row;
}

/** A saved tree, parsed (it was valid when saved; the schema may have grown since, never shrunk). */
export function segmentCondition(row: { condition: Prisma.JsonValue }): SegmentGroup {
  return segmentConditionSchema.parse(row.condition);
}

export function toSegment(row: SegmentRow): Segment {
  return { ...row, condition: segmentCondition(row) };
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw AppError.field('name', 'is already the name of a segment', 'CONFLICT');
  }
  throw error;
}
