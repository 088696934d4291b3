// A workspace's plan limits: outbound messages per UTC day and month (docs/campaigns.md) and REST
// API requests per minute (docs/api-hardening.md). The operator of the installation sets them
// (`npm run operator:plan`); a workspace reads them in GET /api/workspace but cannot change them,
// or any admin could lift their own plan.
import { z } from 'zod';
import type { PrismaClient } from '#db/client';
import { forgetTenantRateLimit } from '../http/tenant-rate-limit.ts';

/** A message quota: a positive whole number, or null for unlimited. */
export const messageQuotaSchema = z.number().int().min(1).max(1_000_000_000).nullable();

export const planLimitsSchema = z
  .object({
    maxMessagesPerDay: messageQuotaSchema,
    maxMessagesPerMonth: messageQuotaSchema,
    /** null: the server default (RATE_LIMIT_TENANT_PER_MINUTE) */
    apiRequestsPerMinute: z
      .number()
      .int()
      .min(100, 'must be at least 100 requests per minute')
      .max(1_000_000)
      .nullable(),
  })
  .partial()
  .strict();
export type PlanLimits = z.infer<typeof planLimitsSchema>;

/** Stores the limits given (others unchanged) and returns the workspace's limits after. */
export async function setPlanLimits(
  prisma: PrismaClient,
  tenantId: string,
  limits: PlanLimits,
): Promise<Required<PlanLimits>> {
  const parsed = planLimitsSchema.parse(limits);
  const settings = await prisma.tenantSettings.upsert({
    where: { tenantId },
    create: { tenantId, ...parsed },
    update: parsed,
    select: { maxMessagesPerDay: true, maxMessagesPerMonth: true, apiRequestsPerMinute: true },
  });
  // Other processes see a new API budget within their cache's 10 s (tenant-rate-limit.ts).
  forgetTenantRateLimit(tenantId);
  return settings;
}
