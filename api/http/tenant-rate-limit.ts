// The tenant's budget of API requests per minute: its plan's TenantSettings.apiRequestsPerMinute
// when set, else RATE_LIMIT_TENANT_PER_MINUTE. Settings are read at most every few seconds per
// tenant (each request would otherwise cost a query); a change made through this process applies
// at once (forgetTenantRateLimit), one made through another process within the cache's lifetime.
import type { PrismaClient } from '#db/client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimits } from './rate-limits.ts';

/** A plan may lower the budget, but never below this (docs/api-hardening.md). */
export const MIN_API_REQUESTS_PER_MINUTE = 100;
const CACHE_MS = 10_000;
const MAX_CACHED = 5000;

const cached = new Map<string, { limit: number | null; until: number }>();

/** The limiter holding the tenant's budget (one per distinct limit, shared by tenants with that limit). */
export async function tenantLimiter(
  prisma: PrismaClient,
  rateLimits: RateLimits,
  tenantId: string,
): Promise<RateLimiterAbstract> {
  const limit = await planLimit(prisma, tenantId);
  return limit === null ? rateLimits.tenant : rateLimits.tenantWithLimit(limit);
}

/** Forgets the cached plan limit, after the tenant's settings changed. */
export function forgetTenantRateLimit(tenantId: string): void {
  cached.delete(tenantId);
}

async function planLimit(prisma: PrismaClient, tenantId: string): Promise<number | null> {
  const now = Date.now();
  const hit = cached.get(tenantId);
  if (hit && hit.until > now) {
    return hit.limit;
  }
  const settings = await prisma.tenantSettings.findUnique({
    where: { tenantId },
    select: { apiRequestsPerMinute: true },
  });
  const stored = settings?.apiRequestsPerMinute ?? null;
  const limit = stored === null ? null : Math.max(MIN_API_REQUESTS_PER_MINUTE, stored);
  if (cached.size >= MAX_CACHED) {
    cached.delete(cached.keys().next().value!); // the oldest entry
  }
  cached.set(tenantId, { limit, until: now + CACHE_MS });
  return limit;
}
