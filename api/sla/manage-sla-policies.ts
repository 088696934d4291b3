// SLA policies: one per priority. A policy applies to conversations as they open, reopen or change
// priority from then on (the routing migration's triggers read it); open ones keep their clock.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { ensureRoutingSweep } from '../routing/sweep-schedule.ts';
import type { CreateSlaPolicyInput, SlaPolicy, UpdateSlaPolicyInput } from './schemas.ts';

const select = {
  id: true,
  priority: true,
  firstResponseSeconds: true,
  resolutionSeconds: true,
  createdAt: true,
  updatedAt: true,
} as const;

const ORDER = ['urgent', 'high', 'medium', 'low', 'none'];

export async function listSlaPolicies(ctx: TenantContext): Promise<{ items: SlaPolicy[] }> {
  const rows = await ctx.db.slaPolicy.findMany({ select });
  const items = rows.map(toPolicy).sort((a, b) => ORDER.indexOf(a.priority) - ORDER.indexOf(b.priority));
  return { items };
}

export async function createSlaPolicy(input: CreateSlaPolicyInput, ctx: TenantContext): Promise<SlaPolicy> {
  const existing = await ctx.db.slaPolicy.findFirst({ where: { priority: input.priority }, select: { id: true } });
  if (existing) {
    throw AppError.field('priority', `already has a policy: change that one instead`, 'CONFLICT');
  }
  await ensureRoutingSweep(ctx.services);
  const row = await ctx.db.slaPolicy.create({ data: { tenantId: ctx.db.tenantId, ...input }, select });
  await audit(ctx, {
    action: 'sla.policy_created',
    targetType: 'sla_policy',
    targetId: row.id,
    metadata: { ...input },
  });
  return toPolicy(row);
}

export async function updateSlaPolicy(
  policyId: string,
  input: UpdateSlaPolicyInput,
  ctx: TenantContext,
): Promise<SlaPolicy> {
  const current = await getPolicy(ctx, policyId);
  const next = { ...current, ...input };
  if (next.firstResponseSeconds === null && next.resolutionSeconds === null) {
    throw AppError.field('firstResponseSeconds', 'a policy needs at least one target: delete it instead');
  }
  const row = await ctx.db.slaPolicy.update({ where: { id: policyId }, data: input, select });
  await audit(ctx, {
    action: 'sla.policy_updated',
    targetType: 'sla_policy',
    targetId: policyId,
    metadata: { ...input },
  });
  return toPolicy(row);
}

export async function deleteSlaPolicy(policyId: string, ctx: TenantContext): Promise<void> {
  const policy = await getPolicy(ctx, policyId);
  await ctx.db.slaPolicy.delete({ where: { id: policyId } });
  await audit(ctx, {
    action: 'sla.policy_deleted',
    targetType: 'sla_policy',
    targetId: policyId,
    metadata: { priority: policy.priority },
  });
}

async function getPolicy(ctx: TenantContext, policyId: string) {
  const row = await ctx.db.slaPolicy.findUnique({ where: { id: policyId }, select });
  if (!row) {
    throw AppError.notFound('SLA policy');
  }
  return row;
}

function toPolicy(row: { priority: string } & Omit<SlaPolicy, 'priority'>): SlaPolicy {
  return { ...row, priority: row.priority as SlaPolicy['priority'] };
}
