// What the inbox needs to know about the workspace: the members to assign and mention, the
// teams, and which contact fields agents see.
import type { TenantContext } from '../context.ts';
import type { InboxSettings } from './schemas.ts';

/** Members whose role can read the inbox, by name. */
export async function listInboxMembers(ctx: TenantContext) {
  const rows = await ctx.db.membership.findMany({
    where: { role: { permissions: { has: 'inbox.view' } } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  const items = rows.map((row) => ({ userId: row.userId, name: row.user.name, email: row.user.email }));
  return { items: items.sort((a, b) => a.name.localeCompare(b.name)) };
}

export async function listInboxTeams(ctx: TenantContext) {
  return { items: await ctx.db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }) };
}

export async function getInboxSettings(ctx: TenantContext): Promise<InboxSettings> {
  const settings = await ctx.db.settings.findUnique({
    where: { tenantId: ctx.db.tenantId },
    select: { inboxContactFields: true },
  });
  return { visibleContactFields: settings?.inboxContactFields ?? [] };
}

export async function updateInboxSettings(input: InboxSettings, ctx: TenantContext): Promise<InboxSettings> {
  await ctx.db.settings.update({
    where: { tenantId: ctx.db.tenantId },
    data: { inboxContactFields: input.visibleContactFields },
  });
  return input;
}
