// A member who went away or offline: their open conversations go back to their team's queue (or
// the shared queue when they have no team), logged as routing's doing, so the next pass gives
// them to someone available.
import type { TenantDb } from '#db/tenant-db';
import { ROUTING_LABEL, type RoutedChange } from './routing-deps.ts';

export async function releaseConversations(db: TenantDb, userId: string, reason: string): Promise<RoutedChange[]> {
  const tenantId = db.tenantId;
  return db.transaction(async (tx) => {
    const open = await tx.conversation.findMany({
      where: { tenantId, assigneeUserId: userId, status: 'open' },
      select: { id: true, channelId: true, teamId: true },
    });
    if (open.length === 0) {
      return [];
    }
    await tx.conversation.updateMany({
      where: { tenantId, id: { in: open.map((c) => c.id) }, assigneeUserId: userId },
      data: { assigneeUserId: null, assignedAt: null },
    });
    await tx.conversationAssignment.createMany({
      data: open.map((c) => ({
        tenantId,
        conversationId: c.id,
        kind: 'unassigned',
        fromUserId: userId,
        fromTeamId: c.teamId,
        toTeamId: c.teamId,
        byKind: 'rule',
        byLabel: ROUTING_LABEL,
        reason,
      })),
    });
    return open.map((c) => ({ conversationId: c.id, channelId: c.channelId }));
  });
}
