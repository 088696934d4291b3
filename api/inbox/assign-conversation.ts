// Assign, transfer or unassign one or many conversations. Each change is logged in
// ConversationAssignment with who made it and why, the new agent is notified (unless they did it
// themselves), and open inboxes are told. Rows are locked while they change, so two managers
// assigning at once log two consistent steps, not a lost update.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { emitEvent } from '../events/emit-event.ts';
import { requestRouting } from '../routing/request-routing.ts';
import { AppError } from '../errors.ts';
import { notifyUsers } from '../notifications/notify-members.ts';
import { actorOf, type Actor } from './actor.ts';
import { findConversationRef, findConversationRefs, publishUpdated } from './conversation-access.ts';
import { callerUserId } from './conversation-scope.ts';
import { getConversationItem } from './get-conversation.ts';
import type { AssignInput, BulkAssignInput, ConversationListItem } from './schemas.ts';

type Target = { userId?: string | null | undefined; teamId?: string | null | undefined };
type Change = {
  id: string;
  channelId: string;
  contactId: string;
  toUserId: string | null;
  toTeamId: string | null;
  userChanged: boolean;
};

export async function assignConversation(
  conversationId: string,
  input: AssignInput,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  await findConversationRef(ctx, conversationId);
  await reassign(ctx, [conversationId], input, input.reason);
  return getConversationItem(conversationId, ctx);
}

export async function unassignConversation(
  conversationId: string,
  reason: string | undefined,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  await findConversationRef(ctx, conversationId);
  await reassign(ctx, [conversationId], { userId: null, teamId: null }, reason);
  return getConversationItem(conversationId, ctx);
}

/**
 * An agent takes an unassigned conversation (or one of theirs) without inbox.assign: answering is
 * their job, handing work to others is not. One someone else has stays theirs (409).
 */
export async function takeConversation(
  conversationId: string,
  reason: string | undefined,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  await findConversationRef(ctx, conversationId);
  // The route admits signed-in members only (apiKeys: false).
  const userId = callerUserId(ctx)!;
  await reassign(ctx, [conversationId], { userId }, reason, (row) => {
    if (row.assigneeUserId && row.assigneeUserId !== userId) {
      throw new AppError('CONFLICT', 'Someone else has this conversation: ask a member who can assign to transfer it');
    }
  });
  return getConversationItem(conversationId, ctx);
}

export async function bulkAssign(input: BulkAssignInput, ctx: TenantContext): Promise<{ updated: number }> {
  await findConversationRefs(ctx, input.ids);
  const changes = await reassign(ctx, input.ids, input, input.reason);
  return { updated: changes.length };
}

type LockedRow = {
  id: string;
  channelId: string;
  contactId: string;
  assigneeUserId: string | null;
  teamId: string | null;
};

async function reassign(
  ctx: TenantContext,
  ids: readonly string[],
  target: Target,
  reason?: string,
  // Runs on each row once it is locked: may refuse the change by throwing.
  check?: (row: LockedRow) => void,
) {
  await checkTarget(ctx, target);
  const actor = await actorOf(ctx);
  const changes = await ctx.db.transaction(async (tx) => {
    const rows = await tx.$queryRaw<LockedRow[]>(Prisma.sql`
      SELECT id, "channelId", "contactId", "assigneeUserId", "teamId" FROM "Conversation"
      WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`);
    const done: Change[] = [];
    for (const row of rows) {
      check?.(row);
      const toUserId = target.userId === undefined ? row.assigneeUserId : target.userId;
      const toTeamId = target.teamId === undefined ? row.teamId : target.teamId;
      if (toUserId === row.assigneeUserId && toTeamId === row.teamId) {
        continue; // already so: nothing to log
      }
      await tx.conversation.update({
        where: { id: row.id },
        data: { assigneeUserId: toUserId, teamId: toTeamId, assignedAt: toUserId || toTeamId ? new Date() : null },
      });
      await tx.conversationAssignment.create({
        data: {
          tenantId: ctx.db.tenantId,
          conversationId: row.id,
          kind: assignmentKind(row, toUserId, toTeamId),
          fromUserId: row.assigneeUserId,
          fromTeamId: row.teamId,
          toUserId,
          toTeamId,
          byKind: actor.kind,
          byId: actor.id,
          byLabel: actor.label,
          reason: reason || null,
        },
      });
      done.push({ ...row, toUserId, toTeamId, userChanged: toUserId !== row.assigneeUserId });
    }
    return done;
  });
  await tellAssignees(ctx, actor, changes, reason);
  for (const change of changes) {
    publishUpdated(ctx, change, ['assignee']);
    if (change.toUserId || change.toTeamId) {
      // Unassigning is no assignment: no event.
      void emitEvent(ctx.services, ctx.db.tenantId, 'conversation.assigned', {
        conversationId: change.id,
        channelId: change.channelId,
        contactId: change.contactId,
        assigneeUserId: change.toUserId,
        teamId: change.toTeamId,
      });
    }
  }
  if (changes.length > 0) {
    // An agent's room freed or a team's queue changed: routing serves the queue (docs/routing.md).
    void requestRouting(ctx.db, ctx.services);
  }
  return changes;
}

export function assignmentKind(
  from: { assigneeUserId: string | null; teamId: string | null },
  toUserId: string | null,
  toTeamId: string | null,
): 'assigned' | 'transferred' | 'unassigned' {
  if (!toUserId && !toTeamId) {
    return 'unassigned';
  }
  return from.assigneeUserId || from.teamId ? 'transferred' : 'assigned';
}

/** The agent must be a member who can read the inbox; the team must be the workspace's. */
async function checkTarget(ctx: TenantContext, target: Target): Promise<void> {
  if (target.userId) {
    const member = await ctx.db.membership.findFirst({
      where: { userId: target.userId },
      select: { role: { select: { permissions: true } } },
    });
    if (!member) {
      throw AppError.field('userId', 'is not a member of this workspace', 'NOT_FOUND');
    }
    if (!member.role.permissions.includes('inbox.view')) {
      throw AppError.field('userId', 'cannot read the inbox (their role lacks inbox.view)', 'UNPROCESSABLE');
    }
  }
  if (target.teamId) {
    const team = await ctx.db.team.findFirst({ where: { id: target.teamId }, select: { id: true } });
    if (!team) {
      throw AppError.field('teamId', 'is not a team of this workspace', 'NOT_FOUND');
    }
  }
}

async function tellAssignees(ctx: TenantContext, actor: Actor, changes: Change[], reason?: string) {
  const assigned = changes.filter((c) => c.userChanged && c.toUserId && c.toUserId !== actor.id);
  if (assigned.length === 0) {
    return;
  }
  const contacts = await ctx.db.contact.findMany({
    where: { id: { in: assigned.map((c) => c.contactId) } },
    select: { id: true, name: true, profileName: true, phone: true },
  });
  const names = new Map(contacts.map((c) => [c.id, c.name || c.profileName || c.phone]));
  for (const change of assigned) {
    await notifyUsers(ctx.db, ctx.services.realtime, [change.toUserId!], {
      kind: 'conversation.assigned',
      title: `${actor.label} assigned you a conversation`,
      body: `${names.get(change.contactId) ?? 'A customer'}${reason ? `: ${reason}` : ''}`,
      link: `/inbox/${change.id}`,
    });
  }
}
