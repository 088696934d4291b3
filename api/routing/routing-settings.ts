// The workspace's routing settings: auto-away time and the default maximum of open conversations.
import type { TenantContext } from '../context.ts';
import { audit } from '../audit/record-audit.ts';
import { DEFAULT_ROUTING_SETTINGS } from './agent-pool.ts';
import { requestRouting } from './request-routing.ts';
import type { RoutingSettings, UpdateRoutingSettingsInput } from './schemas.ts';

const select = { autoAwaySeconds: true, defaultMaxConcurrent: true } as const;

export async function getRoutingSettings(ctx: TenantContext): Promise<RoutingSettings> {
  const row = await ctx.db.routingSettings.findUnique({ where: { tenantId: ctx.db.tenantId }, select });
  return row ?? DEFAULT_ROUTING_SETTINGS;
}

export async function updateRoutingSettings(
  input: UpdateRoutingSettingsInput,
  ctx: TenantContext,
): Promise<RoutingSettings> {
  const row = await ctx.db.routingSettings.upsert({
    where: { tenantId: ctx.db.tenantId },
    create: { tenantId: ctx.db.tenantId, ...DEFAULT_ROUTING_SETTINGS, ...input },
    update: input,
    select,
  });
  await audit(ctx, { action: 'routing.settings_updated', metadata: { ...input } });
  await requestRouting(ctx.db, ctx.services);
  return row;
}
