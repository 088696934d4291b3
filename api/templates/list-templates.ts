// The template list (filters: status, channel, category, language, name search) and one template.
import type { Prisma } from '#db/client';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { ListTemplatesQuery, TemplateView } from './schemas.ts';
import { templateSelect, toTemplateView } from './template-view.ts';

export async function listTemplates(query: ListTemplatesQuery, ctx: TenantContext): Promise<Page<TemplateView>> {
  const where: Prisma.MessageTemplateWhereInput = {
    ...(query.status ? { status: query.status } : { status: { not: 'deleted' } }),
    ...(query.channelId ? { channelId: query.channelId } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.search ? { name: { contains: query.search.toLowerCase().replace(/\s+/g, '_') } } : {}),
  };
  const rows = await ctx.db.messageTemplate.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: templateSelect,
  });
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  return { items: page.map(toTemplateView), nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

export async function getTemplate(id: string, ctx: TenantContext): Promise<TemplateView> {
  const row = await ctx.db.messageTemplate.findUnique({ where: { id }, select: templateSelect });
  if (!row) {
    throw AppError.notFound('Template');
  }
  return toTemplateView(row);
}
