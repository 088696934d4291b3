// Channel rules: which team's queue a new conversation on a channel (or any channel) joins. The
// first enabled rule by position wins; its team's strategy then picks the agent.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { requestRouting } from './request-routing.ts';
import type { AssignmentRule, CreateRuleInput, UpdateRuleInput } from './schemas.ts';
import { ensureRoutingSweep } from './sweep-schedule.ts';

const ruleSelect = {
  id: true,
  name: true,
  position: true,
  isEnabled: true,
  createdAt: true,
  channel: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} as const;

export async function listRules(ctx: TenantContext): Promise<{ items: AssignmentRule[] }> {
  const items = await ctx.db.assignmentRule.findMany({
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: ruleSelect,
  });
  return { items };
}

export async function createRule(input: CreateRuleInput, ctx: TenantContext): Promise<AssignmentRule> {
  await checkTargets(ctx, input.channelId, input.teamId);
  const last = await ctx.db.assignmentRule.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
  await ensureRoutingSweep(ctx.services);
  const rule = await ctx.db.assignmentRule.create({
    data: { ...input, tenantId: ctx.db.tenantId, position: input.position ?? (last ? last.position + 1 : 0) },
    select: ruleSelect,
  });
  await audit(ctx, {
    action: 'routing.rule_created',
    targetType: 'assignment_rule',
    targetId: rule.id,
    metadata: { ...input },
  });
  await requestRouting(ctx.db, ctx.services);
  return rule;
}

export async function updateRule(ruleId: string, input: UpdateRuleInput, ctx: TenantContext): Promise<AssignmentRule> {
  await getRule(ctx, ruleId);
  await checkTargets(ctx, input.channelId ?? null, input.teamId);
  const rule = await ctx.db.assignmentRule.update({ where: { id: ruleId }, data: input, select: ruleSelect });
  await audit(ctx, {
    action: 'routing.rule_updated',
    targetType: 'assignment_rule',
    targetId: ruleId,
    metadata: { ...input },
  });
  await requestRouting(ctx.db, ctx.services);
  return rule;
}

export async function deleteRule(ruleId: string, ctx: TenantContext): Promise<void> {
  const rule = await getRule(ctx, ruleId);
  await ctx.db.assignmentRule.delete({ where: { id: ruleId } });
  await audit(ctx, {
    action: 'routing.rule_deleted',
    targetType: 'assignment_rule',
    targetId: ruleId,
    metadata: { name: rule.name },
  });
}

async function getRule(ctx: TenantContext, ruleId: string) {
  const rule = await ctx.db.assignmentRule.findUnique({ where: { id: ruleId }, select: { id: true, name: true } });
  if (!rule) {
    throw AppError.notFound('Assignment rule');
  }
  return rule;
}

async function checkTargets(ctx: TenantContext, channelId: string | null, teamId: string | undefined): Promise<void> {
  if (channelId && !(await ctx.db.channel.findUnique({ where: { id: channelId }, select: { id: true } }))) {
    throw AppError.field('channelId', 'is not a channel of this workspace', 'NOT_FOUND');
  }
  if (teamId && !(await ctx.db.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw AppError.field('teamId', 'is not a team of this workspace', 'NOT_FOUND');
  }
}
