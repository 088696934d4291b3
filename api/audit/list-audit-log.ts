import type { z } from 'zod';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import type { AuditEntryView, auditFilterSchema } from './schemas.ts';

export async function listAuditLog(
  query: PageQuery & z.infer<typeof auditFilterSchema>,
  ctx: TenantContext,
): Promise<Page<AuditEntryView>> {
  const rows = await ctx.db.auditLog.findMany({
    ...pageArgs(query),
    where: {
      ...(query.action ? { action: query.action.endsWith('.') ? { startsWith: query.action } : query.action } : {}),
      ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
      ...(query.from || query.to
        ? {
            createdAt: {
              ...(query.from ? { gte: new Date(query.from) } : {}),
              ...(query.to ? { lte: new Date(query.to) } : {}),
            },
          }
        : {}),
    },
  });
  return toPage(rows, query, ({ tenantId: _tenantId, metadata, ...row }) => ({
    ...row,
    metadata: (metadata ?? {}) as Record<string, unknown>,
  }));
}
