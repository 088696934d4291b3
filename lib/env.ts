// The process environment, parsed once. Every setting Parley reads is declared here and listed in
// README.md's configuration table (a test keeps the two in step).
import { z } from 'zod';
import { parseOutboundPolicy } from './outbound-http/address-policy.ts';

const durationSeconds = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.stringbool().default(false),
  PARLEY_DATA_DIR: z.string().default('.data'),

  DATABASE_URL: optionalString,
  EMBEDDED_PG_PORT: z.coerce.number().int().default(5433),
  REDIS_URL: optionalString,

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('parley'),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_DEV_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),

  JWT_SECRET: optionalString,
  ENCRYPTION_KEY: optionalString,
  ACCESS_TOKEN_TTL_SECONDS: durationSeconds.default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),

  RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().positive().default(300),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_SECONDS: durationSeconds.default(900),

  GRAPH_API_URL: z.url().default('https://graph.facebook.com'),
  SANDBOX_URL: optionalString,
  MEDIA_DIR: optionalString,
  S3_BUCKET: optionalString,
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  /** Bytes of media library files a workspace may store, unless its settings say otherwise (docs/media.md). */
  MEDIA_QUOTA_BYTES: z.coerce.number().int().positive().default(1_073_741_824),
  GOOGLE_SHEETS_API_URL: z.url().default('https://sheets.googleapis.com'),
  CHANNEL_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().positive().default(300),
  /** How often the routing sweep runs: auto-away, offline agents, SLA breaches, the waiting queue (docs/routing.md). */
  ROUTING_SWEEP_SECONDS: z.coerce.number().int().positive().default(30),
  /** A member whose web app sent no heartbeat for this long is offline. */
  AGENT_OFFLINE_AFTER_SECONDS: z.coerce.number().int().positive().default(90),
  /**
   * Private/loopback targets outgoing requests (webhooks, flow HTTP nodes, automations) may reach:
   * `*`, `none`, `loopback` or comma-separated hosts, IPs and CIDRs. Unset: `none` in production,
   * `loopback` otherwise (docs/webhooks.md).
   */
  OUTBOUND_HTTP_ALLOW_PRIVATE: optionalString.refine(
    (v) => v === undefined || isReadablePolicy(v),
    'must be *, none, loopback or comma-separated host names, IP addresses and CIDRs',
  ),
  /** Dead webhook deliveries in a row after which a subscription is disabled (docs/webhooks.md). */
  WEBHOOK_DISABLE_AFTER_DEAD: z.coerce.number().int().positive().default(20),
  /** How often deliveries whose workflow could not be started (Temporal down) are started again. */
  WEBHOOK_SWEEP_SECONDS: z.coerce.number().int().positive().default(60),
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default('Parley <no-reply@parley.local>'),
  SEED_DEMO: z.stringbool().default(true),
  PARLEY_PROCESSES: z.enum(['all', 'api', 'worker']).default('all'),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function publicUrl(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

function isReadablePolicy(setting: string): boolean {
  try {
    parseOutboundPolicy(setting);
    return true;
  } catch {
    return false;
  }
}
