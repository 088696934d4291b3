// A scheduled message row as the API returns it.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { scheduledContentSchema, type ScheduledMessageView } from './schemas.ts';

export const scheduledMessageSelect = {
  id: true,
  conversationId: true,
  status: true,
  content: true,
  sendAt: true,
  timeZone: true,
  messageId: true,
  failureReason: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ScheduledMessageSelect;

type Row = Prisma.ScheduledMessageGetPayload<{ select: typeof scheduledMessageSelect }>;

export function toScheduledMessageView(row: Row): ScheduledMessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    status: row.status as ScheduledMessageView['status'],
    content: scheduledContentSchema.parse(row.content),
    sendAt: row.sendAt,
    timeZone: row.timeZone,
    messageId: row.messageId,
    failureReason: row.failureReason,
    createdBy: row.createdBy ? { userId: row.createdBy.id, name: row.createdBy.name } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function getScheduledMessage(id: string, ctx: TenantContext): Promise<ScheduledMessageView> {
  const row = await ctx.db.scheduledMessage.findUnique({ where: { id }, select: scheduledMessageSelect });
  if (!row) {
    throw AppError.notFound('Scheduled message');
  }
  return toScheduledMessageView(row);
}
