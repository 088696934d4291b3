// Connect, list, edit and remove WhatsApp numbers. Secrets are encrypted before they are stored
// and never returned; only the verify token can be revealed to admins setting up Meta's webhook.
import { isUniqueViolation } from '#db/errors';
import { randomToken } from '#lib/tokens';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { channelSelect, toChannelView, webhookUrlFor } from './channel-view.ts';
import { removeHealthSchedule } from './health-schedule.ts';
import type { Channel, ConnectChannelInput, UpdateChannelInput } from './schemas.ts';

export async function listChannels(query: PageQuery, ctx: TenantContext): Promise<Page<Channel>> {
  const rows = await ctx.db.channel.findMany({
    ...pageArgs(query),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: channelSelect,
  });
  return toPage(rows, query, (row) => toChannelView(row, ctx.services.env));
}

export async function getChannel(channelId: string, ctx: TenantContext): Promise<Channel> {
  const row = await ctx.db.channel.findUnique({ where: { id: channelId }, select: channelSelect });
  if (!row) {
    throw AppError.notFound('Channel');
  }
  return toChannelView(row, ctx.services.env);
}

export async function connectChannel(input: ConnectChannelInput, ctx: TenantContext): Promise<Channel> {
  const [count, settings] = await Promise.all([
    ctx.db.channel.count({ where: { kind: 'whatsapp_cloud' } }),
    ctx.db.settings.findUnique({ where: { tenantId: ctx.db.tenantId }, select: { maxChannels: true } }),
  ]);
  const allowed = settings?.maxChannels ?? 0;
  if (count >= allowed) {
    throw new AppError(
      'FORBIDDEN',
      `Your plan allows ${allowed} WhatsApp number(s) and all are in use: remove one or upgrade`,
    );
  }
  const { secretBox } = ctx.services;
  const row = await ctx.db.channel
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        kind: 'whatsapp_cloud',
        name: input.name,
        wabaId: input.wabaId,
        phoneNumberId: input.phoneNumberId,
        accessToken: secretBox.encrypt(input.accessToken),
        appSecret: secretBox.encrypt(input.appSecret),
        verifyToken: secretBox.encrypt(input.verifyToken ?? randomToken(16)),
      },
      select: channelSelect,
    })
    .catch((error: unknown) => {
      // phoneNumberId is unique across tenants: a number belongs to one WhatsApp Business Account.
      throw isUniqueViolation(error)
        ? AppError.field('phoneNumberId', 'is already connected to a Parley workspace', 'CONFLICT')
        : error;
    });
  await audit(ctx, {
    action: 'channel.connected',
    targetType: 'channel',
    targetId: row.id,
    metadata: { name: input.name, phoneNumberId: input.phoneNumberId },
  });
  return toChannelView(row, ctx.services.env);
}

export async function updateChannel(
  channelId: string,
  input: UpdateChannelInput,
  ctx: TenantContext,
): Promise<Channel> {
  await getChannel(channelId, ctx);
  const { secretBox } = ctx.services;
  const row = await ctx.db.channel.update({
    where: { id: channelId },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.wabaId !== undefined ? { wabaId: input.wabaId } : {}),
      ...(input.accessToken !== undefined
        ? { accessToken: secretBox.encrypt(input.accessToken), status: 'pending', statusReason: null }
        : {}),
      ...(input.appSecret !== undefined ? { appSecret: secretBox.encrypt(input.appSecret) } : {}),
      ...(input.verifyToken !== undefined ? { verifyToken: secretBox.encrypt(input.verifyToken) } : {}),
    },
    select: channelSelect,
  });
  ctx.services.channelSecrets.invalidate(channelId);
  const changed = Object.keys(input).map((k) =>
    ['accessToken', 'appSecret', 'verifyToken'].includes(k) ? `${k} (replaced)` : k,
  );
  await audit(ctx, { action: 'channel.updated', targetType: 'channel', targetId: channelId, metadata: { changed } });
  return toChannelView(row, ctx.services.env);
}

export async function getWebhookSetup(
  channelId: string,
  ctx: TenantContext,
): Promise<{ webhookUrl: string; verifyToken: string }> {
  const row = await ctx.db.channel.findUnique({ where: { id: channelId }, select: { verifyToken: true } });
  if (!row) {
    throw AppError.notFound('Channel');
  }
  if (!row.verifyToken) {
    throw new AppError('CONFLICT', 'This channel has no webhook to set up');
  }
  return {
    webhookUrl: webhookUrlFor(ctx.services.env, channelId),
    verifyToken: ctx.services.secretBox.decrypt(row.verifyToken),
  };
}

export async function deleteChannel(channelId: string, ctx: TenantContext): Promise<void> {
  const channel = await getChannel(channelId, ctx);
  const conversations = await ctx.db.conversation.count({ where: { channelId } });
  if (conversations > 0) {
    throw new AppError(
      'CONFLICT',
      `"${channel.name}" has ${conversations} conversation(s): their history would be lost. Replace its credentials instead.`,
    );
  }
  await ctx.db.channel.delete({ where: { id: channelId } });
  ctx.services.channelSecrets.invalidate(channelId);
  await removeHealthSchedule(ctx.services.temporal, channelId);
  await audit(ctx, {
    action: 'channel.deleted',
    targetType: 'channel',
    targetId: channelId,
    metadata: { name: channel.name },
  });
}
