// Rate limits: Redis-backed when REDIS_URL is set (shared by every API process), in-memory otherwise.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Env } from '#lib/env';
import { AppError } from '../errors.ts';

export type RateLimits = {
  /** Requests per tenant per minute, whatever the caller (RATE_LIMIT_TENANT_PER_MINUTE). */
  tenant: RateLimiterAbstract;
  /** The same budget for tenants whose plan sets its own limit (tenant-rate-limit.ts). */
  tenantWithLimit: (points: number) => RateLimiterAbstract;
  /** Requests per API key per minute. */
  apiKey: RateLimiterAbstract;
  /** Unauthenticated requests (login, sign-up, invitation acceptance) per client IP. */
  anonymous: RateLimiterAbstract;
  /** Failed logins per e-mail and IP, then per IP across e-mails. */
  loginFailures: RateLimiterAbstract;
  loginFailuresByIp: RateLimiterAbstract;
};

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

export function createRateLimits(env: Env, redis?: Redis): RateLimits {
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `parley:rl:${keyPrefix}`, points, duration })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  // One limiter per distinct plan limit; the key prefix holds the limit, so a tenant whose limit
  // changes starts a fresh minute rather than carrying points counted against another budget.
  const byLimit = new Map<number, RateLimiterAbstract>();
  const tenantWithLimit = (points: number): RateLimiterAbstract => {
    let limiter = byLimit.get(points);
    if (!limiter) {
      limiter = make(`tenant-${points}`, points, 60);
      byLimit.set(points, limiter);
    }
    return limiter;
  };
  return {
    tenant: make('tenant', env.RATE_LIMIT_TENANT_PER_MINUTE, 60),
    tenantWithLimit,
    apiKey: make('apikey', env.RATE_LIMIT_API_KEY_PER_MINUTE, 60),
    anonymous: make('anon', 120, 60),
    loginFailures: make('login', env.LOGIN_MAX_FAILURES, env.LOGIN_LOCKOUT_SECONDS),
    loginFailuresByIp: make('login-ip', env.LOGIN_MAX_FAILURES * 10, env.LOGIN_LOCKOUT_SECONDS),
  };
}

/** Takes one point; throws RATE_LIMITED (429 with Retry-After) when none is left. */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<RateLimitState> {
  try {
    return toState(limiter, await limiter.consume(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw rateLimited(toState(limiter, rejection).resetSeconds, limiter.points);
    }
    throw rejection;
  }
}

/** Throws RATE_LIMITED when the key has no points left, without taking one. */
export async function assertNotLimited(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) {
    throw rateLimited(Math.ceil(res.msBeforeNext / 1000));
  }
}

export async function recordFailure(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) {
      throw rejection;
    }
  }
}

export function rateLimited(retryAfterSeconds: number, limit?: number): AppError {
  const seconds = Math.max(1, retryAfterSeconds);
  return new AppError('RATE_LIMITED', `Too many requests: try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
    ...(limit !== undefined ? { limit } : {}),
  });
}

function toState(limiter: RateLimiterAbstract, res: RateLimiterRes): RateLimitState {
  return {
    limit: limiter.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.ceil(res.msBeforeNext / 1000),
  };
}
