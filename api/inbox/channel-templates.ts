// A channel's message templates for the inbox composer (outside the 24-hour window only an
// approved template can be sent), read from Parley's stored templates (api/templates), which
// webhooks and the periodic sync keep in step with WhatsApp. A channel never synced is synced
// first through its own client (Meta, or the simulator for Sandbox numbers), so templates that
// exist only at WhatsApp show up from the start.
import type { z } from 'zod';
import type { Prisma } from '#db/client';
import { connectedClient } from '../channels/channel-client.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { syncChannelTemplates } from '../templates/sync-templates.ts';
import { CloudApiError } from '../whatsapp/cloud-api-error.ts';
import type { channelTemplateListSchema, channelTemplatesQuerySchema } from './schemas.ts';

export async function listChannelTemplates(
  channelId: string,
  query: z.infer<typeof channelTemplatesQuerySchema>,
  ctx: TenantContext,
): Promise<z.infer<typeof channelTemplateListSchema>> {
  const { client } = await connectedClient(
    channelId,
    ctx,
    'The channel is not connected: its templates cannot be read',
  );
  const channel = await ctx.db.channel.findUniqueOrThrow({
    where: { id: channelId },
    select: { id: true, kind: true, accessToken: true, wabaId: true },
  });
  if (!channel.wabaId) {
    throw new AppError('CONFLICT', 'The channel has no WhatsApp Business Account id: its templates cannot be read');
  }
  const synced = await ctx.db.messageTemplate.findFirst({
    where: { channelId, lastSyncedAt: { not: null } },
    select: { id: true },
  });
  if (!synced) {
    await syncChannelTemplates(ctx.db, client, channel, ctx.services).catch((error: unknown) => {
      if (error instanceof CloudApiError) {
        throw new AppError('BAD_GATEWAY', `WhatsApp did not list the templates: ${error.message}`);
      }
      throw error;
    });
  }
  const where: Prisma.MessageTemplateWhereInput = {
    channelId,
    status: query.status === 'all' ? { notIn: ['draft', 'deleted'] } : query.status.toLowerCase(),
  };
  const rows = await ctx.db.messageTemplate.findMany({
    where,
    orderBy: [{ name: 'asc' }, { language: 'asc' }],
    take: 1000,
    select: { name: true, language: true, category: true, status: true, components: true },
  });
  return {
    items: rows.map((t) => ({
      name: t.name,
      language: t.language,
      category: t.category.toUpperCase(),
      status: t.status.toUpperCase(),
      components: (Array.isArray(t.components) ? t.components : []) as Array<Record<string, unknown>>,
    })),
  };
}
