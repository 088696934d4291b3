// Writes one audit-log entry: who (user or API key), what, on which target, from where.
// Metadata must never hold secrets: keys, tokens and passwords stay out of it.
import type { Principal, RequestMeta, TenantContext } from '../context.ts';
import type { TenantDb } from '#db/tenant-db';

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
};

export type Actor = { userId?: string; apiKeyId?: string; label: string };

export function audit(ctx: TenantContext, entry: AuditEntry): Promise<void> {
  return recordAudit(ctx.db, actorOf(ctx.principal), ctx.meta, entry);
}

export async function recordAudit(
  db: TenantDb,
  actor: Actor,
  meta: RequestMeta | null,
  entry: AuditEntry,
): Promise<void> {
  await db.auditLog.create({
    data: {
      tenantId: db.tenantId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: meta?.ip ?? null,
      userAgent: meta?.userAgent?.slice(0, 500) ?? null,
      metadata: (entry.metadata ?? {}) as object,
    },
  });
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { userId: principal.userId, label: principal.email }
    : { apiKeyId: principal.apiKeyId, label: `API key "${principal.name}"` };
}
