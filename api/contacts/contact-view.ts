// One contact as the API returns it, from one Prisma select shared by the list, the detail and
// the write operations.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  contactVisibility,
  contactVisibilityWhere,
  isGroupVisible,
  type ContactVisibility,
} from './contact-visibility.ts';
import type { ContactView, OptInStatus } from './schemas.ts';

export const contactSelect = {
  id: true,
  phone: true,
  waId: true,
  name: true,
  profileName: true,
  email: true,
  language: true,
  timeZone: true,
  optInStatus: true,
  optInSource: true,
  optInAt: true,
  tags: true,
  fields: true,
  messagesSentCount: true,
  messagesReceivedCount: true,
  lastInboundAt: true,
  lastOutboundAt: true,
  campaignsReceivedCount: true,
  flowsCompletedCount: true,
  lastSeenAt: true,
  createdAt: true,
  updatedAt: true,
  groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ContactSelect;

export type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;

export function toContactView(row: ContactRow, visibility: ContactVisibility): ContactView {
  return {
    id: row.id,
    phone: row.phone,
    waId: row.waId,
    name: row.name,
    profileName: row.profileName,
    displayName: row.name || row.profileName || row.phone,
    email: row.email,
    language: row.language,
    timeZone: row.timeZone,
    optInStatus: row.optInStatus as OptInStatus,
    optInSource: row.optInSource,
    optInAt: row.optInAt,
    tags: row.tags,
    fields: fieldsOf(row.fields),
    groups: row.groups.map((member) => member.group).filter((group) => isGroupVisible(visibility, group.id)),
    engagement: {
      messagesSentCount: row.messagesSentCount,
      messagesReceivedCount: row.messagesReceivedCount,
      lastInboundAt: row.lastInboundAt,
      lastOutboundAt: row.lastOutboundAt,
      campaignsReceivedCount: row.campaignsReceivedCount,
      flowsCompletedCount: row.flowsCompletedCount,
    },
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A contact the caller may see, else 404 (a hidden contact is indistinguishable from a missing one). */
export async function getVisibleContactRow(
  id: string,
  ctx: TenantContext,
): Promise<{ row: ContactRow; visibility: ContactVisibility }> {
  const visibility = await contactVisibility(ctx);
  const row = await ctx.db.contact.findFirst({
    where: { AND: [{ id }, contactVisibilityWhere(visibility)] },
    select: contactSelect,
  });
  if (!row) {
    throw AppError.notFound('Contact');
  }
  return { row, visibility };
}

export function fieldsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
