// One pass over a tenant's waiting queue (queue-sql.ts): each conversation, in queue order, goes
// to a member its team's strategy picks (pick-agent.ts), or waits in its team's queue when nobody
// is available. A channel rule gives a conversation without a team its team first.
//
// Capacity holds under concurrency because every automatic assignment of a tenant happens inside
// this transaction, after a transaction-level advisory lock on the tenant: loads are read after
// the lock, so two API processes (or two webhooks) can never both give a member their last free
// slot. request-routing.ts keeps one waiter per process, so connections do not pile up on it.
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import { loadAgentPool, type AgentPool, type PoolRule, type PoolTeam } from './agent-pool.ts';
import { pickAgent, requiredSkillsOf, STRATEGY_LABELS } from './pick-agent.ts';
import { loadQueue, type QueuedConversation } from './queue-sql.ts';
import { ROUTING_LABEL, type RoutedChange } from './routing-deps.ts';

/** Long enough for a queue of hundreds of conversations on a loaded database. */
const ROUTING_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

export async function routeWaiting(db: TenantDb, include: string[] = []): Promise<RoutedChange[]> {
  const tenantId = db.tenantId;
  return db.transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`routing:${tenantId}`}, 0))`;
    const queue = await loadQueue(tx, tenantId, include);
    if (queue.length === 0) {
      return [];
    }
    const pool = await loadAgentPool(tx, tenantId);
    const changes: RoutedChange[] = [];
    for (const conversation of queue) {
      const assigned = await routeOne(tx, tenantId, pool, conversation);
      if (assigned) {
        changes.push({ conversationId: conversation.id, channelId: conversation.channelId, assigned });
      }
    }
    return changes;
  }, ROUTING_TRANSACTION);
}

async function routeOne(
  tx: Prisma.TransactionClient,
  tenantId: string,
  pool: AgentPool,
  conversation: QueuedConversation,
): Promise<RoutedChange['assigned'] | null> {
  const rule = conversation.teamId ? null : matchRule(pool.rules, conversation.channelId);
  const team = pool.teams.get(conversation.teamId ?? rule?.teamId ?? '');
  if (!team) {
    return null;
  }
  const skills = requiredSkillsOf(team, conversation.skills);
  const agent = team.assignment === 'manual' ? null : pickAgent(team, skills, pool.online);
  if (!agent) {
    if (conversation.teamId === team.id || !(await queueInTeam(tx, tenantId, conversation, team, rule))) {
      return null;
    }
    return { contactId: conversation.contactId, assigneeUserId: null, teamId: team.id };
  }
  const now = new Date();
  const claimed = await tx.conversation.updateMany({
    where: { id: conversation.id, tenantId, assigneeUserId: null },
    data: { assigneeUserId: agent.userId, teamId: team.id, assignedAt: now },
  });
  if (claimed.count === 0) {
    return null; // someone assigned it by hand meanwhile
  }
  pool.online.get(agent.userId)!.load += 1;
  agent.lastAssignedAt = now;
  await tx.teamMember.update({
    where: { teamId_userId: { teamId: team.id, userId: agent.userId } },
    data: { lastAssignedAt: now },
  });
  await logAssignment(tx, tenantId, conversation, team, rule, {
    toUserId: agent.userId,
    reason: reasonFor(team, skills, conversation.isVip),
  });
  return { contactId: conversation.contactId, assigneeUserId: agent.userId, teamId: team.id };
}

async function queueInTeam(
  tx: Prisma.TransactionClient,
  tenantId: string,
  conversation: QueuedConversation,
  team: PoolTeam,
  rule: PoolRule | null,
): Promise<boolean> {
  const moved = await tx.conversation.updateMany({
    where: { id: conversation.id, tenantId, assigneeUserId: null },
    data: { teamId: team.id },
  });
  if (moved.count === 0) {
    return false;
  }
  const why = team.assignment === 'manual' ? 'people assign from it' : 'no agent available';
  await logAssignment(tx, tenantId, conversation, team, rule, {
    toUserId: null,
    reason: `queued for team ${team.name} (${why})`,
  });
  return true;
}

function logAssignment(
  tx: Prisma.TransactionClient,
  tenantId: string,
  conversation: QueuedConversation,
  team: PoolTeam,
  rule: PoolRule | null,
  change: { toUserId: string | null; reason: string },
) {
  return tx.conversationAssignment.create({
    data: {
      tenantId,
      conversationId: conversation.id,
      kind: 'assigned',
      fromTeamId: conversation.teamId,
      toUserId: change.toUserId,
      toTeamId: team.id,
      byKind: 'rule',
      byId: rule?.id ?? null,
      byLabel: rule ? `${ROUTING_LABEL}: ${rule.name}` : ROUTING_LABEL,
      reason: change.reason,
    },
  });
}

function matchRule(rules: PoolRule[], channelId: string): PoolRule | null {
  return rules.find((rule) => rule.channelId === null || rule.channelId === channelId) ?? null;
}

function reasonFor(team: PoolTeam, skills: string[], isVip: boolean): string {
  const extras = [...(skills.length > 0 ? [`skills: ${skills.join(', ')}`] : []), ...(isVip ? ['VIP'] : [])];
  return `${STRATEGY_LABELS[team.assignment]} (team ${team.name})${extras.length > 0 ? `; ${extras.join('; ')}` : ''}`;
}
