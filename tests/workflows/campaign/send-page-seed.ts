// For the sending activity's tests: the platform with its Sandbox number played by a simulator
// this process owns (so the test sees every message each customer's phone receives), and runs
// with their recipients inserted with plain SQL, as prepareRun leaves them.
import { randomBytes, randomUUID } from 'node:crypto';
import { startMetaSimulator, type StartedMetaSimulator } from '#simulator/start-meta-simulator';
import type { SimulatorOptionsInput } from '#simulator/simulator-options';
import type { ActivityDeps } from '#activities/deps';
import type { QuietHours, VariantMessage } from '#api/campaigns/schemas';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

export type SendStack = {
  app: TestApp;
  meta: StartedMetaSimulator;
  deps: ActivityDeps;
  /** Messages each customer's phone received (waId → count). */
  received: Map<string, number>;
  stop: () => Promise<void>;
};

export async function startSendStack(simulator: SimulatorOptionsInput = {}): Promise<SendStack> {
  const meta = await startMetaSimulator({
    latencyMs: { min: 0, max: 0 },
    throughputPerSecond: 1000,
    templateReviewDelayMs: 0,
    ...simulator,
  });
  const app = await startTestApp({ SANDBOX_URL: meta.url });
  const received = new Map<string, number>();
  meta.simulator.onEvent((event) => {
    if (event.type === 'message-to-customer') {
      received.set(event.waId, (received.get(event.waId) ?? 0) + 1);
    }
  });
  return {
    app,
    meta,
    deps: app.deps,
    received,
    async stop() {
      await app.stop();
      await meta.stop();
    },
  };
}

export type Workspace = {
  tenant: SeededTenant;
  tenantId: string;
  channelId: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
};

/** A new workspace whose Sandbox number paces campaigns to `rate` messages/s. */
export async function seedWorkspace(stack: SendStack, rate = 1000): Promise<Workspace> {
  const tenant = await signUpTenant(stack.app.http);
  const channel = await eventually(
    () =>
      stack.app.prisma.channel.findFirst({
        where: { tenantId: tenant.tenantId, kind: 'sandbox', phoneNumberId: { not: null }, accessToken: { not: null } },
      }),
    'the workspace’s Sandbox number',
  );
  await stack.app.prisma.channel.update({ where: { id: channel.id }, data: { messagesPerSecond: rate } });
  return {
    tenant,
    tenantId: tenant.tenantId,
    channelId: channel.id,
    phoneNumberId: channel.phoneNumberId!,
    wabaId: channel.wabaId!,
    accessToken: stack.deps.secretBox.decrypt(channel.accessToken!),
  };
}

/**
 * An approved template both at the simulator (Meta) and in Parley's table, with `body` as its
 * text (positional variables); returns its id.
 */
export async function seedTemplate(stack: SendStack, ws: Workspace, name: string, body: string): Promise<string> {
  const variables = [...body.matchAll(/\{\{\d+\}\}/g)].length;
  const components = [
    {
      type: 'BODY',
      text: body,
      ...(variables > 0 ? { example: { body_text: [Array.from({ length: variables }, (_, i) => `x${i}`)] } } : {}),
    },
  ];
  if (name !== 'hello_world') {
    const created = await fetch(`${stack.meta.url}/${ws.wabaId}/message_templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, language: 'en_US', category: 'MARKETING', components }),
    });
    if (!created.ok) {
      throw new Error(`template ${name}: ${created.status} ${await created.text()}`);
    }
    await eventually(
      async () => stack.meta.simulator.state.findTemplate(ws.wabaId, name, 'en_US')?.status === 'APPROVED',
      `template ${name} approved`,
    );
  }
  const { rows } = await stack.deps.pool.query<{ id: string }>(
    `INSERT INTO "MessageTemplate" (id, "tenantId", "channelId", name, language, category, "parameterFormat",
       components, status, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'en_US', 'marketing', 'positional', $5::jsonb, 'approved', now(), now())
     ON CONFLICT ("channelId", name, language) DO UPDATE SET status = 'approved'
     RETURNING id`,
    [randomUUID(), ws.tenantId, ws.channelId, name, JSON.stringify(components)],
  );
  return rows[0]!.id;
}

export type SeedContact = {
  optInStatus?: string;
  timeZone?: string | null;
  fields?: Record<string, unknown>;
  name?: string | null;
  waId?: string;
};

export type SeededRun = {
  campaignId: string;
  runId: string;
  contacts: Array<{ id: string; waId: string }>;
};

/** A running campaign with one variant and a run whose audience is `contacts`, all pending. */
export async function seedRun(
  stack: SendStack,
  ws: Workspace,
  options: {
    message: VariantMessage;
    contacts: SeedContact[] | number;
    missingVariable?: 'skip' | 'default';
    quietHours?: QuietHours | null;
  },
): Promise<SeededRun> {
  const { pool } = stack.deps;
  const specs: SeedContact[] =
    typeof options.contacts === 'number' ? Array.from({ length: options.contacts }, () => ({})) : options.contacts;
  const prefix = `77${Array.from(randomBytes(5), (b) => String(b % 10)).join('')}`;
  const contacts = specs.map((spec, i) => ({
    id: randomUUID(),
    waId: spec.waId ?? `${prefix}${String(i).padStart(5, '0')}`,
    spec,
  }));
  await pool.query(
    `INSERT INTO "Contact" (id, "tenantId", "waId", phone, name, fields, "optInStatus", "timeZone", "createdAt", "updatedAt")
     SELECT c.id, $1, c.wa_id, '+' || c.wa_id, c.name, c.fields::jsonb, c.opt_in, c.zone, now(), now()
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS c(id, wa_id, name, fields, opt_in, zone)
     ON CONFLICT ("tenantId", "waId") DO NOTHING`,
    [
      ws.tenantId,
      contacts.map((c) => c.id),
      contacts.map((c) => c.waId),
      contacts.map((c) => (c.spec.name === undefined ? 'Customer' : c.spec.name)),
      contacts.map((c) => JSON.stringify(c.spec.fields ?? {})),
      contacts.map((c) => c.spec.optInStatus ?? 'opted_in'),
      contacts.map((c) => c.spec.timeZone ?? null),
    ],
  );
  // A contact that already existed (a customer who wrote first) keeps its own id.
  const { rows } = await pool.query<{ id: string; waId: string }>(
    `SELECT id, "waId" FROM "Contact" WHERE "tenantId" = $1 AND "waId" = ANY($2::text[])`,
    [ws.tenantId, contacts.map((c) => c.waId)],
  );
  const idOf = new Map(rows.map((r) => [r.waId, r.id]));
  const seeded = contacts.map((c) => ({ id: idOf.get(c.waId)!, waId: c.waId }));

  const campaignId = randomUUID();
  const variantId = randomUUID();
  const runId = randomUUID();
  await pool.query(
    `INSERT INTO "Campaign" (id, "tenantId", "channelId", name, status, audience, "messageKind", "missingVariable",
       "quietHours", "startedAt", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'Winter sale', 'running', '{"allContacts":true}', $4, $5, $6::jsonb, now(), now(), now())`,
    [
      campaignId,
      ws.tenantId,
      ws.channelId,
      options.message.kind,
      options.missingVariable ?? 'skip',
      options.quietHours ? JSON.stringify(options.quietHours) : null,
    ],
  );
  await pool.query(
    `INSERT INTO "CampaignVariant" (id, "tenantId", "campaignId", label, weight, message, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'A', 100, $4::jsonb, now(), now())`,
    [variantId, ws.tenantId, campaignId, JSON.stringify(options.message)],
  );
  await pool.query(
    `INSERT INTO "CampaignRun" (id, "tenantId", "campaignId", "workflowId", status, "audienceSize", "startedAt",
       "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'running', $5, now(), now(), now())`,
    [runId, ws.tenantId, campaignId, `campaign-${campaignId}`, seeded.length],
  );
  await pool.query(
    `INSERT INTO "CampaignRecipient" (id, "tenantId", "runId", "contactId", "variantId", phase, status, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, c, $3, 'main', 'pending', now(), now() FROM unnest($4::uuid[]) AS c`,
    [ws.tenantId, runId, variantId, seeded.map((c) => c.id)],
  );
  return { campaignId, runId, contacts: seeded };
}

export async function recipients(stack: SendStack, runId: string) {
  const { rows } = await stack.deps.pool.query<{
    contactId: string;
    waId: string;
    status: string;
    reason: string | null;
    errorCode: number | null;
    notBefore: Date | null;
    messageId: string | null;
  }>(
    `SELECT r."contactId", c."waId", r.status, r.reason, r."errorCode", r."notBefore", r."messageId"
     FROM "CampaignRecipient" r JOIN "Contact" c ON c.id = r."contactId" WHERE r."runId" = $1`,
    [runId],
  );
  return rows;
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  }
  return counts;
}

/**
 * Gives the workspace's number Meta's messaging-limit `tier`: the simulator reports it on the
 * number's Graph record (so a health check keeps it) and the channel holds it as a verify learns it.
 */
export async function setMessagingLimitTier(
  stack: SendStack,
  ws: { channelId: string; phoneNumberId: string },
  tier: string,
): Promise<void> {
  const number = stack.meta.simulator.state.numbers.get(ws.phoneNumberId)!;
  stack.meta.simulator.state.numbers.set(ws.phoneNumberId, { ...number, messagingLimitTier: tier });
  await stack.app.prisma.channel.update({ where: { id: ws.channelId }, data: { messagingLimitTier: tier } });
}
