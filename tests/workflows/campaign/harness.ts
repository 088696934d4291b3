// Shared by the campaign workflow tests: the platform with its Sandbox number played by a
// simulator this process owns (so the test sees every message a customer's phone receives), a
// workspace with opted-in contacts inserted with SQL, the approved hello_world template brought in
// by a template sync, and campaigns written as the API stores them.
import { randomBytes } from 'node:crypto';
import type { Audience } from '#api/campaigns/schemas';
import type { Prisma } from '#db/client';
import { campaignWorkflowId, type CampaignWorkflowResult } from '#workflows/campaign/messages';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

// The same stack as the sending activity's tests: one simulator-backed platform setup.
export {
  setMessagingLimitTier,
  startSendStack as startCampaignStack,
  type SendStack as CampaignStack,
} from './send-page-seed.ts';
import type { SendStack as CampaignStack } from './send-page-seed.ts';

export type Workspace = {
  tenant: SeededTenant;
  tenantId: string;
  userId: string;
  channelId: string;
  phoneNumberId: string;
  templateId: string;
};

/** The messages/s a seeded workspace's number may send unless a test says otherwise. */
export const SEED_RATE = 500;

/** A new workspace whose Sandbox number may send `rate` messages/s (under the simulator's 1,000), with hello_world approved. */
export async function seedWorkspace(stack: CampaignStack, rate = SEED_RATE): Promise<Workspace> {
  const { app } = stack;
  const tenant = await signUpTenant(app.http);
  const channel = await app.prisma.channel.findFirstOrThrow({
    where: { tenantId: tenant.tenantId, kind: 'sandbox' },
    select: { id: true, phoneNumberId: true },
  });
  await app.prisma.channel.update({ where: { id: channel.id }, data: { messagesPerSecond: rate } });
  await app.http.post('/api/templates/sync', {}, { token: tenant.token });
  const template = await eventually(
    () =>
      app.prisma.messageTemplate.findFirst({
        where: { tenantId: tenant.tenantId, name: 'hello_world', status: 'approved' },
        select: { id: true },
      }),
    'hello_world approved after a template sync',
  );
  return {
    tenant,
    tenantId: tenant.tenantId,
    userId: tenant.session.user.id,
    channelId: channel.id,
    phoneNumberId: channel.phoneNumberId!,
    templateId: template.id,
  };
}

/** `count` contacts with fresh wa_ids, opted in unless told otherwise; returns their ids in order. */
export async function seedContacts(
  stack: CampaignStack,
  ws: Workspace,
  count: number,
  options: { tags?: string[]; optInStatus?: string } = {},
): Promise<string[]> {
  const prefix = 1_000_000_000 + (randomBytes(4).readUInt32BE() % 8_000_000_000);
  const { rows } = await stack.app.deps.pool.query<{ id: string }>(
    `INSERT INTO "Contact" (id, "tenantId", "waId", phone, name, tags, "optInStatus", "updatedAt")
     SELECT gen_random_uuid(), $1, ($2::bigint * 1000000 + g)::text, '+' || ($2::bigint * 1000000 + g)::text,
            'Customer ' || g, $4::text[], $5, now()
     FROM generate_series(1, $3::int) g
     RETURNING id`,
    [ws.tenantId, prefix, count, options.tags ?? [], options.optInStatus ?? 'opted_in'],
  );
  return rows.map((row) => row.id);
}

export type CampaignSeed = {
  audience?: Partial<Audience>;
  variants?: Array<{ label: string; weight: number }>;
  abTest?: { samplePercent: number; winnerMetric: 'read' | 'reply'; waitMinutes: number } | null;
  scheduleKind?: 'now' | 'once' | 'recurring';
  scheduledAt?: Date | null;
  recurrence?: Prisma.InputJsonObject | null;
  status?: string;
  messageKind?: 'template' | 'text';
};

/** A campaign as the API stores it at launch (status scheduled), sending hello_world. */
export async function seedCampaign(stack: CampaignStack, ws: Workspace, seed: CampaignSeed = {}): Promise<string> {
  const audience: Audience = {
    allContacts: false,
    include: { segmentIds: [], groupIds: [], tags: [] },
    exclude: { segmentIds: [], groupIds: [], tags: [] },
    ...seed.audience,
  } as Audience;
  const message =
    seed.messageKind === 'text'
      ? { kind: 'text', text: 'Our sale starts today' }
      : { kind: 'template', templateId: ws.templateId, bodyVariables: [] };
  const campaign = await stack.app.prisma.campaign.create({
    data: {
      tenantId: ws.tenantId,
      channelId: ws.channelId,
      name: `Campaign ${randomBytes(3).toString('hex')}`,
      status: seed.status ?? 'scheduled',
      audience,
      messageKind: seed.messageKind ?? 'template',
      abTest: seed.abTest ?? undefined,
      scheduleKind: seed.scheduleKind ?? 'now',
      scheduledAt: seed.scheduledAt ?? null,
      recurrence: seed.recurrence ?? undefined,
      createdById: ws.userId,
      variants: {
        create: (seed.variants ?? [{ label: 'A', weight: 100 }]).map((v, position) => ({
          tenantId: ws.tenantId,
          label: v.label,
          weight: v.weight,
          message,
          position,
        })),
      },
    },
    select: { id: true },
  });
  return campaign.id;
}

export function resultOf(stack: CampaignStack, campaignId: string): Promise<CampaignWorkflowResult> {
  return stack.app.deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).result();
}

/** Recipients of a campaign's runs by status (and reason for skips and failures). */
export async function recipientTally(stack: CampaignStack, campaignId: string): Promise<Record<string, number>> {
  const rows = await stack.app.prisma.campaignRecipient.groupBy({
    by: ['status', 'reason'],
    where: { run: { campaignId } },
    _count: true,
  });
  return Object.fromEntries(rows.map((r) => [r.reason ? `${r.status}:${r.reason}` : r.status, r._count]));
}

/** Outbound messages WhatsApp accepted, per contact of the workspace (contactId → count). */
export async function messagesPerContact(stack: CampaignStack, ws: Workspace): Promise<Map<string, number>> {
  const { rows } = await stack.app.deps.pool.query<{ contactId: string; n: number }>(
    `SELECT "contactId", count(*)::int AS n FROM "Message"
     WHERE "tenantId" = $1 AND direction = 'outbound' AND "providerMessageId" IS NOT NULL GROUP BY "contactId"`,
    [ws.tenantId],
  );
  return new Map(rows.map((r) => [r.contactId, r.n]));
}

/** wa_ids of contacts, in the same order. */
export async function waIdsOf(stack: CampaignStack, contactIds: string[]): Promise<string[]> {
  const rows = await stack.app.prisma.contact.findMany({
    where: { id: { in: contactIds } },
    select: { id: true, waId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r.waId]));
  return contactIds.map((id) => byId.get(id)!);
}

export async function sentCount(stack: CampaignStack, campaignId: string): Promise<number> {
  return stack.app.prisma.campaignRecipient.count({ where: { run: { campaignId }, status: 'sent' } });
}
