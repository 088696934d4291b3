import type { TenantContext } from '../context.ts';
import type { Workspace } from './schemas.ts';

export async function getWorkspace(ctx: TenantContext): Promise<Workspace> {
  const tenant = await ctx.db.tenant.findUniqueOrThrow({
    where: { id: ctx.db.tenantId },
    select: {
      id: true,
      name: true,
      slug: true,
      status: true,
      createdAt: true,
      settings: {
        select: {
          timezone: true,
          locale: true,
          require2fa: true,
          maxMessagesPerDay: true,
          maxMessagesPerMonth: true,
          apiRequestsPerMinute: true,
        },
      },
    },
  });
  const settings = tenant.settings ?? {
    timezone: 'UTC',
    locale: 'en',
    require2fa: false,
    maxMessagesPerDay: null,
    maxMessagesPerMonth: null,
    apiRequestsPerMinute: null,
  };
  return {
    ...tenant,
    settings,
    apiRequestsPerMinute: settings.apiRequestsPerMinute ?? ctx.services.env.RATE_LIMIT_TENANT_PER_MINUTE,
  };
}
