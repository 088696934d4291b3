// The handoff node: assigns the conversation to a member, a team or nobody (the shared inbox),
// and tells open inboxes live. Assigning the same target again changes nothing visible.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export type HandoffTarget =
  { type: 'team'; teamId: string } | { type: 'agent'; userId: string } | { type: 'unassigned' };

export type HandOffConversationInput = { tenantId: string; conversationId: string; target: HandoffTarget };

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
    const conversation = await db.conversation.update({
      where: { id: input.conversationId },
      data: {
        assigneeUserId: target.type === 'agent' ? target.userId : null,
        teamId: target.type === 'team' ? target.teamId : null,
        assignedAt: target.type === 'unassigned' ? null : new Date(),
        status: 'open',
        closedAt: null,
      },
      select: { id: true, channelId: true },
    });
    deps.realtime.publish(input.tenantId, 'conversation.updated', {
      conversationId: conversation.id,
      channelId: conversation.channelId,
    });
  };
}
