// Renames a key or changes its IP allow-list. The new list applies to the next request (keys are
// read on every request); a revoked key stays revoked.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { apiKeySelect } from './manage-api-keys.ts';
import type { ApiKey, UpdateApiKeyInput } from './schemas.ts';

export async function updateApiKey(apiKeyId: string, input: UpdateApiKeyInput, ctx: TenantContext): Promise<ApiKey> {
  const existing = await ctx.db.apiKey.findUnique({
    where: { id: apiKeyId },
    select: { name: true, allowedIps: true, revokedAt: true },
  });
  if (!existing) {
    throw AppError.notFound('API key');
  }
  if (existing.revokedAt) {
    throw new AppError('CONFLICT', 'This API key is revoked: create a new one instead');
  }
  const apiKey = await ctx.db.apiKey.update({ where: { id: apiKeyId }, data: input, select: apiKeySelect });
  await audit(ctx, {
    action: 'apiKey.updated',
    targetType: 'apiKey',
    targetId: apiKeyId,
    metadata: {
      name: apiKey.name,
      ...(input.name !== undefined && input.name !== existing.name ? { previousName: existing.name } : {}),
      ...(input.allowedIps ? { allowedIps: input.allowedIps, previousAllowedIps: existing.allowedIps } : {}),
    },
  });
  return apiKey;
}
