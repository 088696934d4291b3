// A workspace's plan limits: outbound messages per UTC day and month (docs/campaigns.md), REST
// API requests per minute (docs/api-hardening.md) and media library storage (docs/media.md). The
// operator of the installation sets them (`npm run operator:plan`); a workspace reads them but
// cannot change them, or any admin could lift their own plan.
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
    /** Bytes of library files; null: the server default (MEDIA_QUOTA_BYTES) */
    mediaQuotaBytes: z
      .number()
      .int()
      .min(1024 * 1024, 'must be at least 1 MB')
      .max(1024 ** 4 * 100, 'must be at most 100 TB')
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
  const { mediaQuotaBytes, ...rest } = planLimitsSchema.parse(limits);
  // The column is a BigInt: storage may pass what a 32-bit integer holds.
  const data = {
    ...rest,
    ...(mediaQuotaBytes === undefined
      ? {}
      : { mediaQuotaBytes: mediaQuotaBytes === null ? null : BigInt(mediaQuotaBytes) }),
  };
  const settings = await prisma.tenantSettings.upsert({
    where: { tenantId },
    create: { tenantId, ...data },
    update: data,
    select: PLAN_COLUMNS,
  });
  // Other processes see a new API budget within their cache's 10 s (tenant-rate-limit.ts).
  forgetTenantRateLimit(tenantId);
  return planOf(settings);
}

const PLAN_COLUMNS = {
  maxMessagesPerDay: true,
  maxMessagesPerMonth: true,
  apiRequestsPerMinute: true,
  mediaQuotaBytes: true,
} as const;

/** The workspace's limits as stored (null: unlimited, or the server default). */
export async function getPlanLimits(prisma: PrismaClient, tenantId: string): Promise<Required<PlanLimits>> {
  const settings = await prisma.tenantSettings.findUnique({ where: { tenantId }, select: PLAN_COLUMNS });
  return planOf(
    settings ?? {
      maxMessagesPerDay: null,
      maxMessagesPerMonth: null,
      apiRequestsPerMinute: null,
      mediaQuotaBytes: null,
    },
  );
}

function planOf(settings: {
  maxMessagesPerDay: number | null;
  maxMessagesPerMonth: number | null;
  apiRequestsPerMinute: number | null;
  mediaQuotaBytes: bigint | null;
}): Required<PlanLimits> {
  const { mediaQuotaBytes, ...rest } = settings;
  return { ...rest, mediaQuotaBytes: mediaQuotaBytes === null ? null : Number(mediaQuotaBytes) };
}
