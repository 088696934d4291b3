// Reconciles Parley's templates with Meta's list (contract §9), per channel: statuses, rejection
// reasons, quality and category are taken from Meta; templates that exist only at Meta (created in
// WhatsApp Manager, or before Parley) are imported; submitted ones Meta no longer has are marked
// deleted. Runs on "Sync now" and from the periodic Schedule (sync-schedule.ts) for every tenant.
import type { PrismaClient } from '#db/client';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import type { SecretBox } from '#lib/secret-box';
import { cloudApiFor } from '../channels/channel-client.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { EventDeps } from '../events/emit-event.ts';
import type { RealtimePublisher } from '../realtime/publisher.ts';
import type { SandboxConnection } from '../sandbox/sandbox-connection.ts';
import type { CloudApiClient } from '../whatsapp/cloud-api-client.ts';
import { CloudApiError } from '../whatsapp/cloud-api-error.ts';
import { TEMPLATE_CATEGORIES, type SyncResult } from './schemas.ts';
import { emitTemplateStatus, rejectionText } from './template-events.ts';
import { ensureTemplateSync } from './sync-schedule.ts';
import { statusFromMeta } from './template-status.ts';

const MAX_PAGES = 60;

type SyncServices = { env: Env; secretBox: SecretBox; sandbox: SandboxConnection | null; realtime: RealtimePublisher };
type SyncChannel = {
  id: string;
  kind: 'sandbox' | 'whatsapp_cloud';
  accessToken: string | null;
  wabaId: string | null;
};

const channelSelect = { id: true, kind: true, accessToken: true, wabaId: true, status: true } as const;

/** "Sync now": one channel, or every connected channel of the tenant. */
export async function syncTemplatesNow(channelId: string | undefined, ctx: TenantContext): Promise<SyncResult> {
  const channels = await ctx.db.channel.findMany({
    where: channelId ? { id: channelId } : { wabaId: { not: null }, accessToken: { not: null } },
    select: channelSelect,
  });
  if (channelId && channels.length === 0) {
    throw AppError.field('channelId', 'is not a channel of this workspace', 'NOT_FOUND');
  }
  await ensureTemplateSync(ctx.services);
  const total: SyncResult = { channels: 0, updated: 0, imported: 0, missing: 0 };
  for (const channel of channels) {
    const client = cloudApiFor(channel, ctx.services);
    if (!client || !channel.wabaId) {
      if (channelId) {
        throw new AppError('CONFLICT', 'The channel is not connected: its templates cannot be read');
      }
      continue;
    }
    try {
      add(total, await syncChannelTemplates(ctx.db, client, channel, ctx.services));
    } catch (error) {
      if (error instanceof CloudApiError) {
        throw new AppError('BAD_GATEWAY', `WhatsApp did not list the templates: ${error.message}`);
      }
      throw error;
    }
  }
  return total;
}

/** The periodic sync: every connected channel of every tenant; a failing channel is logged and skipped. */
export async function syncAllTemplates(
  deps: SyncServices & EventDeps & { prisma: PrismaClient; logger: Logger },
): Promise<SyncResult> {
  const channels = await deps.prisma.channel.findMany({
    where: { wabaId: { not: null }, accessToken: { not: null }, status: { not: 'disconnected' } },
    select: { ...channelSelect, tenantId: true },
  });
  const total: SyncResult = { channels: 0, updated: 0, imported: 0, missing: 0 };
  for (const channel of channels) {
    const client = cloudApiFor(channel, deps);
    if (!client) {
      continue;
    }
    try {
      add(total, await syncChannelTemplates(createTenantDb(deps.prisma, channel.tenantId), client, channel, deps));
    } catch (error) {
      deps.logger.warn({ err: error, channelId: channel.id }, 'template sync failed for a channel');
    }
  }
  return total;
}

export async function syncChannelTemplates(
  db: TenantDb,
  client: CloudApiClient,
  channel: SyncChannel,
  services: { realtime: RealtimePublisher } & EventDeps,
): Promise<SyncResult> {
  const { realtime } = services;
  const result: SyncResult = { channels: 1, updated: 0, imported: 0, missing: 0 };
  const remote = await listAll(client, channel.wabaId!);
  const local = await db.messageTemplate.findMany({
    where: { channelId: channel.id },
    select: {
      id: true,
      name: true,
      language: true,
      status: true,
      providerTemplateId: true,
      rejectionReason: true,
      qualityScore: true,
      category: true,
    },
  });
  const byProvider = new Map(local.flatMap((t) => (t.providerTemplateId ? [[t.providerTemplateId, t] as const] : [])));
  const byKey = new Map(local.map((t) => [`${t.name}\u0000${t.language}`, t] as const));
  const now = new Date();
  const seen = new Set<string>();
  for (const template of remote) {
    const status = statusFromMeta(template.status) ?? 'pending';
    const category = template.category.toLowerCase();
    const quality = template.quality_score?.score ?? null;
    const existing = byProvider.get(template.id) ?? byKey.get(`${template.name}\u0000${template.language}`);
    if (existing) {
      seen.add(existing.id);
      const rejectionReason =
        status === 'rejected'
          ? existing.status === 'rejected' && existing.rejectionReason
            ? existing.rejectionReason
            : rejectionText({ reason: template.rejected_reason ?? null })
          : null;
      const changed =
        existing.status !== status ||
        existing.providerTemplateId !== template.id ||
        existing.rejectionReason !== rejectionReason ||
        (quality !== null && existing.qualityScore !== quality) ||
        (isCategory(category) && existing.category !== category);
      await db.messageTemplate.update({
        where: { id: existing.id },
        data: {
          providerTemplateId: template.id,
          status,
          rejectionReason,
          lastSyncedAt: now,
          ...(quality ? { qualityScore: quality } : {}),
          ...(isCategory(category) ? { category } : {}),
          ...(existing.status !== status ? { statusChangedAt: now } : {}),
        },
      });
      if (existing.status !== status) {
        emitTemplateStatus(services, db.tenantId, { ...existing, status, reason: rejectionReason });
      }
      if (changed) {
        result.updated++;
        realtime.publish(db.tenantId, 'template.updated', { templateId: existing.id, status });
      }
      continue;
    }
    if (!isCategory(category)) {
      continue;
    }
    const created = await db.messageTemplate.create({
      data: {
        tenantId: db.tenantId,
        channelId: channel.id,
        name: template.name,
        language: template.language,
        category,
        parameterFormat: template.parameter_format?.toLowerCase() === 'named' ? 'named' : 'positional',
        components: template.components as object,
        status,
        rejectionReason: status === 'rejected' ? rejectionText({ reason: template.rejected_reason ?? null }) : null,
        qualityScore: quality,
        providerTemplateId: template.id,
        statusChangedAt: now,
        lastSyncedAt: now,
      },
      select: { id: true },
    });
    result.imported++;
    realtime.publish(db.tenantId, 'template.updated', { templateId: created.id, status });
  }
  for (const template of local) {
    if (!seen.has(template.id) && template.providerTemplateId && template.status !== 'deleted') {
      await db.messageTemplate.update({
        where: { id: template.id },
        data: { status: 'deleted', statusChangedAt: now, lastSyncedAt: now },
      });
      result.missing++;
      emitTemplateStatus(services, db.tenantId, { ...template, status: 'deleted', reason: null });
      realtime.publish(db.tenantId, 'template.updated', { templateId: template.id, status: 'deleted' });
    }
  }
  return result;
}

async function listAll(client: CloudApiClient, wabaId: string) {
  const items = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.listTemplates(wabaId, { limit: 100, ...(after ? { after } : {}) });
    items.push(...result.data);
    after = result.paging?.next ? result.paging.cursors?.after : undefined;
    if (!after) {
      break;
    }
  }
  return items;
}

function isCategory(value: string): value is (typeof TEMPLATE_CATEGORIES)[number] {
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(value);
}

function add(total: SyncResult, one: SyncResult): void {
  total.channels += one.channels;
  total.updated += one.updated;
  total.imported += one.imported;
  total.missing += one.missing;
}
