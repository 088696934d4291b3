// Who can take conversations right now, read inside the routing transaction (after its lock, so
// the loads include every earlier automatic assignment): teams with their members and skills, the
// enabled channel rules, online members with their capacity and open conversations.
import type { Prisma } from '#db/client';
import type { TeamAssignment } from '../teams/schemas.ts';

export type PoolMember = { userId: string; skills: string[]; lastAssignedAt: Date | null; addedAt: Date };
export type PoolTeam = {
  id: string;
  name: string;
  assignment: TeamAssignment;
  requiredSkills: string[];
  members: PoolMember[];
};
export type PoolRule = { id: string; name: string; channelId: string | null; teamId: string };

export type AgentPool = {
  teams: Map<string, PoolTeam>;
  rules: PoolRule[];
  /** Online members: how many open conversations they may have, and have now. */
  online: Map<string, { capacity: number; load: number }>;
};

export const DEFAULT_ROUTING_SETTINGS = { autoAwaySeconds: 600, defaultMaxConcurrent: 5 };

export async function loadAgentPool(tx: Prisma.TransactionClient, tenantId: string): Promise<AgentPool> {
  const [settings, teams, rules, statuses] = await Promise.all([
    tx.routingSettings.findUnique({ where: { tenantId }, select: { defaultMaxConcurrent: true } }),
    tx.team.findMany({
      where: { tenantId },
      select: {
        id: true,
        name: true,
        assignment: true,
        requiredSkills: true,
        members: { select: { userId: true, skills: true, lastAssignedAt: true, createdAt: true } },
      },
    }),
    tx.assignmentRule.findMany({
      where: { tenantId, isEnabled: true },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, name: true, channelId: true, teamId: true },
    }),
    tx.agentStatus.findMany({ where: { tenantId, status: 'online' }, select: { userId: true, maxConcurrent: true } }),
  ]);
  const loads = await openConversationCounts(
    tx,
    tenantId,
    statuses.map((s) => s.userId),
  );
  const defaultMax = settings?.defaultMaxConcurrent ?? DEFAULT_ROUTING_SETTINGS.defaultMaxConcurrent;
  return {
    teams: new Map(
      teams.map((team) => [
        team.id,
        {
          ...team,
          assignment: team.assignment as TeamAssignment,
          members: team.members.map(({ createdAt, ...member }) => ({ ...member, addedAt: createdAt })),
        },
      ]),
    ),
    rules,
    online: new Map(
      statuses.map((s) => [s.userId, { capacity: s.maxConcurrent ?? defaultMax, load: loads.get(s.userId) ?? 0 }]),
    ),
  };
}

/** Open conversations per member: what a maximum of concurrent conversations counts. */
export async function openConversationCounts(
  tx: Prisma.TransactionClient,
  tenantId: string,
  userIds: string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) {
    return new Map();
  }
  const rows = await tx.conversation.groupBy({
    by: ['assigneeUserId'],
    where: { tenantId, status: 'open', assigneeUserId: { in: userIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.assigneeUserId!, row._count._all]));
}
