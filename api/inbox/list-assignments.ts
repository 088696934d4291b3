// A conversation's assignment history, newest first, with the people and teams it names (as
// they are called now; a member who left shows as "Former member", a deleted team by its id).
import type { PageQuery } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { findConversationRef } from './conversation-access.ts';
import { memberNames } from './note-view.ts';
import type { Assignment } from './schemas.ts';

export async function listAssignments(conversationId: string, query: PageQuery, ctx: TenantContext) {
  await findConversationRef(ctx, conversationId);
  const rows = await ctx.db.conversationAssignment.findMany({ ...pageArgs(query), where: { conversationId } });
  const page = toPage(rows, query, (row) => row);
  const users = await memberNames(
    ctx.db,
    page.items.flatMap((r) => [r.fromUserId, r.toUserId].filter((id): id is string => id !== null)),
  );
  const teamIds = page.items.flatMap((r) => [r.fromTeamId, r.toTeamId].filter((id): id is string => id !== null));
  const teams = new Map(
    (
      await ctx.db.team.findMany({ where: { id: { in: [...new Set(teamIds)] } }, select: { id: true, name: true } })
    ).map((t) => [t.id, t.name]),
  );
  const user = (id: string | null) => (id ? { userId: id, name: users.get(id) ?? 'Former member' } : null);
  const team = (id: string | null) => (id ? { id, name: teams.get(id) ?? 'Deleted team' } : null);
  const items: Assignment[] = page.items.map((row) => ({
    id: row.id,
    kind: row.kind as Assignment['kind'],
    from: { assignee: user(row.fromUserId), team: team(row.fromTeamId) },
    to: { assignee: user(row.toUserId), team: team(row.toTeamId) },
    by: { kind: row.byKind as Assignment['by']['kind'], id: row.byId, name: row.byLabel },
    reason: row.reason,
    at: row.createdAt,
  }));
  return { items, nextCursor: page.nextCursor };
}
