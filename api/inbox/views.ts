// Saved views: a member's named filter sets for the inbox (the query string the list takes).
// They belong to the member who saved them; nobody else sees or changes them.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { CreateViewInput, SavedView, UpdateViewInput } from './schemas.ts';

const MAX_VIEWS_PER_MEMBER = 50;
const viewSelect = { id: true, name: true, query: true, createdAt: true, updatedAt: true } as const;

export async function listViews(ctx: TenantContext): Promise<{ items: SavedView[] }> {
  const rows = await ctx.db.savedView.findMany({
    where: { userId: memberId(ctx) },
    orderBy: { createdAt: 'asc' },
    select: viewSelect,
  });
  return { items: rows.map(toView) };
}

export async function createView(input: CreateViewInput, ctx: TenantContext): Promise<SavedView> {
  const userId = memberId(ctx);
  if ((await ctx.db.savedView.count({ where: { userId } })) >= MAX_VIEWS_PER_MEMBER) {
    throw AppError.field('name', `you already have ${MAX_VIEWS_PER_MEMBER} views: delete one first`, 'CONFLICT');
  }
  const row = await ctx.db.savedView.create({
    data: { tenantId: ctx.db.tenantId, userId, name: input.name, query: input.query },
    select: viewSelect,
  });
  return toView(row);
}

export async function updateView(viewId: string, input: UpdateViewInput, ctx: TenantContext): Promise<SavedView> {
  await getOwnView(viewId, ctx);
  const row = await ctx.db.savedView.update({
    where: { id: viewId },
    data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.query ? { query: input.query } : {}) },
    select: viewSelect,
  });
  return toView(row);
}

export async function deleteView(viewId: string, ctx: TenantContext): Promise<void> {
  await getOwnView(viewId, ctx);
  await ctx.db.savedView.delete({ where: { id: viewId } });
}

async function getOwnView(viewId: string, ctx: TenantContext) {
  const view = await ctx.db.savedView.findFirst({ where: { id: viewId, userId: memberId(ctx) }, select: { id: true } });
  if (!view) {
    throw AppError.notFound('View');
  }
  return view;
}

function memberId(ctx: TenantContext): string {
  if (ctx.principal.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Saved views belong to people, not API keys');
  }
  return ctx.principal.userId;
}

function toView(row: { id: string; name: string; query: unknown; createdAt: Date; updatedAt: Date }): SavedView {
  return { ...row, query: (row.query ?? {}) as Record<string, string> };
}
