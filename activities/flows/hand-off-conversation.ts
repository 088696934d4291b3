// The handoff node: assigns the conversation to a member, a team or nobody (the shared inbox),
// logs it in the conversation's assignment history (by the flow, or by the automation rule whose
// assign action uses it), notifies the agent, and tells open inboxes live. Assigning the same
// target again changes nothing visible. A team (or nobody) then goes through assignment routing
// (docs/routing.md), which picks the agent.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import { emitEvent } from '#api/events/emit-event';
import { LIVE_SESSION_STATUSES } from '#api/flows/session-statuses';
import { assignmentKind } from '#api/inbox/assign-conversation';
import { notifyUsers } from '#api/notifications/notify-members';
import { requestRouting } from '#api/routing/request-routing';
import type { ActivityDeps } from '../deps.ts';

export type HandoffTarget =
  { type: 'team'; teamId: string } | { type: 'agent'; userId: string } | { type: 'unassigned' };

export type HandOffConversationInput = {
  tenantId: string;
  conversationId: string;
  target: HandoffTarget;
  /** Who hands it off, for the history and the agent's notification; absent: the session's flow. */
  by?: HandoffActor;
};

/** An automation rule (the assignment history's `rule` kind). */
export type HandoffActor = { kind: 'rule'; id: string; label: string; reason: string };

export function createHandOffConversationActivity(deps: ActivityDeps) {
  return async function handOffConversation(input: HandOffConversationInput): Promise<void> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const { target } = input;
    if (target.type === 'agent') {
      const member = await db.membership.findFirst({ where: { userId: target.userId }, select: { id: true } });
      if (!member) {
        throw ApplicationFailure.nonRetryable(`User ${target.userId} is not a member of this workspace`, 'NotFound');
      }
    }
    if (target.type === 'team') {
      const team = await db.transaction((tx) =>
        tx.team.findFirst({ where: { id: target.teamId, tenantId: input.tenantId }, select: { id: true } }),
      );
      if (!team) {
        throw ApplicationFailure.nonRetryable(`Team ${target.teamId} does not exist`, 'NotFound');
      }
    }
    const toUserId = target.type === 'agent' ? target.userId : null;
    const toTeamId = target.type === 'team' ? target.teamId : null;
    const before = await db.conversation.findUniqueOrThrow({
      where: { id: input.conversationId },
      select: { assigneeUserId: true, teamId: true, channelId: true, contactId: true },
    });
    const changed = before.assigneeUserId !== toUserId || before.teamId !== toTeamId;
    // The flow is looked up only when the change is logged and no one else is named.
    const by = input.by ?? flowActor(changed ? await handingFlow(db, before) : null);
    const conversation = await db.transaction(async (tx) => {
      const updated = await tx.conversation.update({
        where: { id: input.conversationId },
        data: {
          assigneeUserId: toUserId,
          teamId: toTeamId,
          ...(changed ? { assignedAt: toUserId || toTeamId ? new Date() : null } : {}),
          status: 'open',
          closedAt: null,
          snoozedUntil: null,
        },
        select: { id: true, channelId: true },
      });
      // Logged like an agent's assignment, by the flow or rule: a retried activity finds nothing changed.
      if (changed) {
        await tx.conversationAssignment.create({
          data: {
            tenantId: input.tenantId,
            conversationId: input.conversationId,
            kind: assignmentKind(before, toUserId, toTeamId),
            fromUserId: before.assigneeUserId,
            fromTeamId: before.teamId,
            toUserId,
            toTeamId,
            byKind: by.kind,
            byId: by.id,
            byLabel: by.label,
            reason: by.reason,
          },
        });
      }
      return updated;
    });
    if (changed && (toUserId || toTeamId)) {
      void emitEvent(deps, input.tenantId, 'conversation.assigned', {
        conversationId: input.conversationId,
        channelId: before.channelId,
        contactId: before.contactId,
        assigneeUserId: toUserId,
        teamId: toTeamId,
      });
    }
    if (changed && toUserId) {
      await notifyUsers(db, deps.realtime, [toUserId], {
        kind: 'conversation.assigned',
        title: `${by.label} handed you a conversation`,
        body: 'A customer is waiting for you in the inbox',
        link: `/inbox/${input.conversationId}`,
      });
    }
    deps.realtime.publish(input.tenantId, 'conversation.updated', {
      conversationId: conversation.id,
      channelId: conversation.channelId,
      changes: ['assignee', 'status'],
    });
    if (!toUserId) {
      // Named explicitly: the session still counts as the bot's until it parks after this node.
      await requestRouting(db, deps, [conversation.id]);
    }
  };
}

function flowActor(flow: { id: string; name: string } | null) {
  return {
    kind: 'flow' as const,
    id: flow?.id ?? null,
    label: flow ? `Flow "${flow.name}"` : 'A flow',
    reason: 'Hand-off node',
  };
}

/** The flow whose session is handing off: the contact's live session on the channel. */
async function handingFlow(db: TenantDb, conversation: { channelId: string; contactId: string }) {
  const session = await db.flowSession.findFirst({
    where: {
      channelId: conversation.channelId,
      contactId: conversation.contactId,
      status: { in: [...LIVE_SESSION_STATUSES] },
    },
    orderBy: { startedAt: 'desc' },
    select: { flow: { select: { id: true, name: true } } },
  });
  return session?.flow ?? null;
}
