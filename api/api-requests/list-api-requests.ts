// The tenant's API request log, newest first, filtered by caller, method, route or path, status
// and time. Read under the tenant's row-level security like every tenant query.
import type { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import type { ApiRequestFilter, ApiRequestView } from './schemas.ts';

export async function listApiRequests(
  query: PageQuery & ApiRequestFilter,
  ctx: TenantContext,
): Promise<Page<ApiRequestView>> {
  const rows = await ctx.db.transaction((tx) =>
    tx.apiRequestLog.findMany({ ...pageArgs(query), where: whereOf(query, ctx.db.tenantId) }),
  );
  return toPage(rows, query, ({ tenantId: _tenantId, ...row }) => row);
}

function whereOf(query: ApiRequestFilter, tenantId: string): Prisma.ApiRequestLogWhereInput {
  return {
    tenantId,
    ...(query.apiKeyId ? { actorApiKeyId: query.apiKeyId } : {}),
    ...(query.userId ? { actorUserId: query.userId } : {}),
    ...(query.method ? { method: query.method } : {}),
    ...(query.path
      ? {
          OR: [
            { route: { contains: query.path, mode: 'insensitive' as const } },
            { path: { contains: query.path, mode: 'insensitive' as const } },
          ],
        }
      : {}),
    ...(query.status ? { status: statusFilter(query.status) } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(query.from) } : {}),
            ...(query.to ? { lte: new Date(query.to) } : {}),
          },
        }
      : {}),
  };
}

/** "404" is that code; "4xx" is 400 to 499. */
function statusFilter(status: string): Prisma.IntFilter | number {
  if (/xx$/i.test(status)) {
    const base = Number(status[0]) * 100;
    return { gte: base, lt: base + 100 };
  }
  return Number(status);
}
