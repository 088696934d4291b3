// Creating, editing and deleting canned responses. A shortcut is unique per scope (the owner's
// personal ones, or the workspace's shared ones): a clash answers 409 naming `shortcut`.
import { isUniqueViolation } from '#db/errors';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  assertMayWrite,
  callerUserId,
  canEdit,
  cannedResponseSelect,
  memberNames,
  personalScopeKey,
  toCannedResponseView,
  visibleTo,
  type CannedResponseRow,
} from './canned-response-view.ts';
import type { CannedResponseView, CreateCannedResponseInput, UpdateCannedResponseInput } from './schemas.ts';

export async function createCannedResponse(
  input: CreateCannedResponseInput,
  ctx: TenantContext,
): Promise<CannedResponseView> {
  assertMayWrite(ctx, input.scope);
  const userId = callerUserId(ctx);
  const ownerUserId = input.scope === 'personal' ? userId : null;
  const row = await ctx.db.cannedResponse
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        scope: input.scope,
        ownerUserId,
        scopeKey: ownerUserId ? personalScopeKey(ownerUserId) : 'shared',
        shortcut: input.shortcut,
        title: input.title,
        category: input.category ?? null,
        body: input.body,
        createdById: userId,
      },
      select: cannedResponseSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error, input.scope);
    });
  return view(ctx, row);
}

export async function updateCannedResponse(
  id: string,
  input: UpdateCannedResponseInput,
  ctx: TenantContext,
): Promise<CannedResponseView> {
  const existing = await editable(id, ctx);
  const row = await ctx.db.cannedResponse
    .update({
      where: { id },
      data: {
        ...(input.shortcut !== undefined ? { shortcut: input.shortcut } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
      },
      select: cannedResponseSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error, existing.scope);
    });
  return view(ctx, row);
}

export async function deleteCannedResponse(id: string, ctx: TenantContext): Promise<void> {
  await editable(id, ctx);
  await ctx.db.cannedResponse.deleteMany({ where: { id } });
}

/** A response the caller can see (else 404) and may change (else 403). */
async function editable(id: string, ctx: TenantContext): Promise<CannedResponseRow> {
  const row = await ctx.db.cannedResponse.findFirst({
    where: { AND: [{ id }, visibleTo(ctx)] },
    select: cannedResponseSelect,
  });
  if (!row) {
    throw AppError.notFound('Canned response');
  }
  if (!canEdit(ctx, row)) {
    throw new AppError('FORBIDDEN', 'Shared canned responses need the canned.manage permission');
  }
  return row;
}

async function view(ctx: TenantContext, row: CannedResponseRow): Promise<CannedResponseView> {
  return toCannedResponseView(ctx, row, await memberNames(ctx, [row]));
}

function duplicate(error: unknown, scope: string): unknown {
  if (!isUniqueViolation(error)) {
    return error;
  }
  const where = scope === 'shared' ? 'among the shared responses' : 'among your personal responses';
  return AppError.field('shortcut', `is already used ${where}`, 'CONFLICT');
}
