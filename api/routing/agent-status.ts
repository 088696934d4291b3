// The agent-status endpoints: everyone's status, setting one's own, heartbeats from the web app,
// and a manager setting a member's status or maximum of open conversations.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { changeStatus } from './change-status.ts';
import { requestRouting } from './request-routing.ts';
import type { AgentStatus, AgentStatusName, HeartbeatInput, UpdateAgentInput } from './schemas.ts';
import { ensureRoutingSweep } from './sweep-schedule.ts';

export async function listAgentStatuses(ctx: TenantContext): Promise<{ items: AgentStatus[] }> {
  const [members, statuses] = await Promise.all([
    ctx.db.membership.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { userId: true, user: { select: { name: true } } },
    }),
    ctx.db.agentStatus.findMany(),
  ]);
  const byUser = new Map(statuses.map((s) => [s.userId, s]));
  // One scoped statement, not an interactive transaction: this answers every heartbeat.
  const counts = await ctx.db.conversation.groupBy({
    by: ['assigneeUserId'],
    where: { status: 'open', assigneeUserId: { in: members.map((m) => m.userId) } },
    _count: { _all: true },
  });
  const loads = new Map(counts.map((row) => [row.assigneeUserId, row._count._all]));
  return {
    items: members.map((member) => {
      const status = byUser.get(member.userId);
      return {
        userId: member.userId,
        name: member.user.name,
        status: (status?.status ?? 'offline') as AgentStatusName,
        isAuto: status?.isAuto ?? true,
        changedAt: status?.changedAt ?? null,
        lastActivityAt: status?.lastActivityAt ?? null,
        maxConcurrent: status?.maxConcurrent ?? null,
        openConversations: loads.get(member.userId) ?? 0,
      };
    }),
  };
}

export async function setMyStatus(status: AgentStatusName, ctx: TenantContext): Promise<AgentStatus> {
  const userId = userOf(ctx);
  await ensureRoutingSweep(ctx.services);
  await changeStatus(ctx.db, ctx.services, userId, { status, isAuto: false, touch: true });
  return statusOf(ctx, userId);
}

/**
 * The web app is open (and, with `active`, used). A status set automatically comes back with
 * activity: offline → online (or away while idle), away → online. Statuses members chose stay.
 */
export async function recordHeartbeat(input: HeartbeatInput, ctx: TenantContext): Promise<AgentStatus> {
  const userId = userOf(ctx);
  await ensureRoutingSweep(ctx.services);
  const now = new Date();
  const key = { tenantId_userId: { tenantId: ctx.db.tenantId, userId } };
  const current = await ctx.db.agentStatus.upsert({
    where: key,
    create: { tenantId: ctx.db.tenantId, userId, status: 'offline', isAuto: true, lastHeartbeatAt: now },
    update: { lastHeartbeatAt: now, ...(input.active ? { lastActivityAt: now } : {}) },
    select: { status: true, isAuto: true },
  });
  const back: AgentStatusName | null = !current.isAuto
    ? null
    : input.active && current.status !== 'online'
      ? 'online'
      : current.status === 'offline'
        ? 'away'
        : null;
  if (back) {
    await changeStatus(ctx.db, ctx.services, userId, { status: back, isAuto: true, touch: input.active });
  }
  return statusOf(ctx, userId);
}

export async function updateAgent(userId: string, input: UpdateAgentInput, ctx: TenantContext): Promise<AgentStatus> {
  const member = await ctx.db.membership.findFirst({ where: { userId }, select: { id: true } });
  if (!member) {
    throw AppError.notFound('Member');
  }
  await ensureRoutingSweep(ctx.services);
  if (input.maxConcurrent !== undefined) {
    await ctx.db.agentStatus.upsert({
      where: { tenantId_userId: { tenantId: ctx.db.tenantId, userId } },
      create: { tenantId: ctx.db.tenantId, userId, maxConcurrent: input.maxConcurrent },
      update: { maxConcurrent: input.maxConcurrent },
    });
    await requestRouting(ctx.db, ctx.services); // a higher maximum frees room at once
  }
  if (input.status !== undefined) {
    await changeStatus(ctx.db, ctx.services, userId, { status: input.status, isAuto: false, touch: true });
  }
  return statusOf(ctx, userId);
}

async function statusOf(ctx: TenantContext, userId: string): Promise<AgentStatus> {
  const { items } = await listAgentStatuses(ctx);
  const mine = items.find((item) => item.userId === userId);
  if (!mine) {
    throw AppError.notFound('Member');
  }
  return mine;
}

function userOf(ctx: TenantContext): string {
  if (ctx.principal.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Only a signed-in member has a status');
  }
  return ctx.principal.userId;
}
