// Which conversations a caller may see. A role with inbox.view_all sees every conversation of the
// workspace; one without it (the built-in Agent role) sees those assigned to them and the
// unassigned ones, so agents pick up new work but do not read their colleagues' chats. An API key
// without it has no "me": it sees the unassigned ones. Outside the scope a conversation is a 404,
// like another workspace's.
import { Prisma } from '#db/client';
import type { Principal, TenantContext } from '../context.ts';

export type ConversationScope = { kind: 'all' } | { kind: 'own'; userId: string | null };

export function conversationScope(principal: Principal): ConversationScope {
  if (principal.permissions.has('inbox.view_all')) {
    return { kind: 'all' };
  }
  return { kind: 'own', userId: principal.kind === 'user' ? principal.userId : null };
}

/** The scope as a SQL condition on the conversation aliased `cv`. */
export function scopeSql(scope: ConversationScope): Prisma.Sql {
  if (scope.kind === 'all') {
    return Prisma.sql`TRUE`;
  }
  return scope.userId
    ? Prisma.sql`(cv."assigneeUserId" IS NULL OR cv."assigneeUserId" = ${scope.userId}::uuid)`
    : Prisma.sql`cv."assigneeUserId" IS NULL`;
}

/** The scope as a Prisma filter on Conversation. */
export function scopeWhere(scope: ConversationScope): Prisma.ConversationWhereInput {
  if (scope.kind === 'all') {
    return {};
  }
  return scope.userId ? { OR: [{ assigneeUserId: null }, { assigneeUserId: scope.userId }] } : { assigneeUserId: null };
}

/** The signed-in member's user id; null for API keys. */
export function callerUserId(ctx: TenantContext): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.userId : null;
}
