// What an operation receives: `(input, ctx)`. Routes build the context; operations never see
// req or res, so tests can call them without HTTP (docs/conventions.md #2).
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { PrismaClient } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import type { Mailer } from '#lib/mailer';
import type { MediaStore } from '#lib/media-store';
import type { SecretBox } from '#lib/secret-box';
import type { Permission } from './auth/permissions.ts';
import type { RateLimits } from './http/rate-limits.ts';
import type { RequestLogWriter } from './http/request-log-writer.ts';
import type { RealtimePublisher } from './realtime/publisher.ts';
import type { SandboxConnection } from './sandbox/sandbox-connection.ts';
import type { ChannelSecretsCache } from './webhooks/channel-secrets.ts';

export type AppDeps = {
  env: Env;
  logger: Logger;
  /** Unscoped database access: only for auth, sign-up and other work before a tenant is known. */
  prisma: PrismaClient;
  /** The pg pool under Prisma, for the few hot paths written in plain SQL (webhook ingestion). */
  pool: Pool;
  temporal: Client;
  rateLimits: RateLimits;
  /** Buffers the tenant-searchable log of API requests and writes it in batches. */
  requestLog: RequestLogWriter;
  secretBox: SecretBox;
  jwtSecret: string;
  mailer: Mailer;
  realtime: RealtimePublisher;
  mediaStore: MediaStore;
  /** The Meta simulator behind Sandbox channels, or null when the sandbox is off. */
  sandbox: SandboxConnection | null;
  /** Decrypted webhook secrets by channel, cached briefly for the webhook hot path. */
  channelSecrets: ChannelSecretsCache;
  /** Built web app to serve (production mode); absent in development and API-only tests. */
  webDistDir?: string;
};

export type RequestMeta = { ip: string; userAgent: string | null; requestId: string };

export type CookieJar = {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { maxAgeSeconds: number; path: string }): void;
  clear(name: string, path: string): void;
};

export type UserPrincipal = {
  kind: 'user';
  userId: string;
  email: string;
  sessionId: string;
  tenantId: string;
  roleId: string;
  permissions: ReadonlySet<Permission>;
  /** The workspace requires two-factor authentication and this user has not enrolled yet. */
  mfaEnrollmentRequired: boolean;
};

export type ApiKeyPrincipal = {
  kind: 'apiKey';
  apiKeyId: string;
  name: string;
  tenantId: string;
  roleId: string;
  permissions: ReadonlySet<Permission>;
  /** Addresses and CIDR ranges the key may be used from; empty: anywhere (api/http/ip-allow-list.ts). */
  allowedIps: string[];
};

export type Principal = UserPrincipal | ApiKeyPrincipal;

export type PublicContext = { deps: AppDeps; meta: RequestMeta; cookies: CookieJar };

/** A signed-in user, whatever the state of their workspace (2FA enrolment, tenant switching). */
export type UserContext = PublicContext & { principal: UserPrincipal };

/** Everything but unscoped database access. */
export type Services = Omit<AppDeps, 'prisma'>;

/** A user or API key acting inside one tenant. Its only database handle is scoped to that tenant. */
export type TenantContext = { services: Services; meta: RequestMeta; principal: Principal; db: TenantDb };
