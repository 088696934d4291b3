// API keys for the REST API: random, stored only as a SHA-256 hash, shown once at creation,
// acting with a role of the workspace, revocable, with the time of last use.
import { randomToken, sha256 } from '#lib/tokens';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { API_KEY_PREFIX } from '../auth/authenticate.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { findGrantableRole } from '../roles/role-guards.ts';
import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from './schemas.ts';

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  lastUsedAt: true,
  revokedAt: true,
  allowedIps: true,
  createdAt: true,
  role: { select: { id: true, name: true } },
} as const;

export async function createApiKey(input: CreateApiKeyInput, ctx: TenantContext): Promise<CreatedApiKey> {
  const role = await findGrantableRole(ctx, input.roleId);
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  const apiKey = await ctx.db.apiKey.create({
    data: {
      tenantId: ctx.db.tenantId,
      name: input.name,
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      roleId: role.id,
      allowedIps: input.allowedIps,
      createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    },
    select: apiKeySelect,
  });
  await audit(ctx, {
    action: 'apiKey.created',
    targetType: 'apiKey',
    targetId: apiKey.id,
    metadata: { name: input.name, role: role.name, allowedIps: input.allowedIps },
  });
  return { apiKey, key };
}

export async function listApiKeys(query: PageQuery, ctx: TenantContext): Promise<Page<ApiKey>> {
  const rows = await ctx.db.apiKey.findMany({ ...pageArgs(query), select: apiKeySelect });
  return toPage(rows, query, (row) => row);
}

export async function revokeApiKey(apiKeyId: string, ctx: TenantContext): Promise<void> {
  const apiKey = await ctx.db.apiKey.findUnique({ where: { id: apiKeyId }, select: { name: true, revokedAt: true } });
  if (!apiKey) {
    throw AppError.notFound('API key');
  }
  if (!apiKey.revokedAt) {
    await ctx.db.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    await audit(ctx, {
      action: 'apiKey.revoked',
      targetType: 'apiKey',
      targetId: apiKeyId,
      metadata: { name: apiKey.name },
    });
  }
}
