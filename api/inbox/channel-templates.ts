// A channel's message templates for the inbox composer (outside the 24-hour window only an
// approved template can be sent), read from WhatsApp through the channel's own client (Meta, or
// the simulator for Sandbox numbers) and paged through to the end.
import type { z } from 'zod';
import { connectedClient } from '../channels/channel-client.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { channelTemplateListSchema, channelTemplateSchema, channelTemplatesQuerySchema } from './schemas.ts';

const MAX_PAGES = 20;

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
  const channel = await ctx.db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { wabaId: true } });
  if (!channel.wabaId) {
    throw new AppError('CONFLICT', 'The channel has no WhatsApp Business Account id: its templates cannot be read');
  }
  const items: z.infer<typeof channelTemplateSchema>[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.listTemplates(channel.wabaId, {
      limit: 100,
      ...(query.status !== 'all' ? { status: query.status } : {}),
      ...(after ? { after } : {}),
    });
    for (const t of result.data) {
      items.push({
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        components: t.components as Array<Record<string, unknown>>,
      });
    }
    after = result.paging?.next ? result.paging.cursors?.after : undefined;
    if (!after) {
      break;
    }
  }
  return { items };
}
