// Creating, editing, enabling/disabling, duplicating and deleting automation rules. Each change
// is audited, re-syncs the rule's Schedule (time-based rules) and tells the event dispatcher the
// tenant's interest may have changed, so a new rule fires on the very next event.
import { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { audit } from '../audit/record-audit.ts';
import { checkRuleReferences } from './check-rule-references.ts';
import { afterRuleChange, afterRuleDeleted } from './rule-changed.ts';
import { getRuleRow, ruleSelect, toRule } from './rule-view.ts';
import { eventTypeOf, type AutomationRule, type AutomationRuleInput } from './schemas.ts';

export async function createRule(input: AutomationRuleInput, ctx: TenantContext): Promise<AutomationRule> {
  await checkRuleReferences(ctx.db, input);
  const row = await ctx.db.automationRule.create({
    data: {
      tenantId: ctx.db.tenantId,
      ...columns(input),
      createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    },
    select: ruleSelect,
  });
  await afterRuleChange(ctx, toRule(row));
  await audit(ctx, {
    action: 'automation.created',
    targetType: 'automation_rule',
    targetId: row.id,
    metadata: { name: row.name },
  });
  return toRule(row);
}

export async function updateRule(
  ruleId: string,
  input: AutomationRuleInput,
  ctx: TenantContext,
): Promise<AutomationRule> {
  await getRuleRow(ctx.db, ruleId);
  await checkRuleReferences(ctx.db, input);
  const row = await ctx.db.automationRule.update({ where: { id: ruleId }, data: columns(input), select: ruleSelect });
  await afterRuleChange(ctx, toRule(row));
  await audit(ctx, {
    action: 'automation.updated',
    targetType: 'automation_rule',
    targetId: ruleId,
    metadata: { name: row.name },
  });
  return toRule(row);
}

export async function setRuleEnabled(ruleId: string, isEnabled: boolean, ctx: TenantContext): Promise<AutomationRule> {
  await getRuleRow(ctx.db, ruleId);
  const row = await ctx.db.automationRule.update({ where: { id: ruleId }, data: { isEnabled }, select: ruleSelect });
  await afterRuleChange(ctx, toRule(row));
  await audit(ctx, {
    action: isEnabled ? 'automation.enabled' : 'automation.disabled',
    targetType: 'automation_rule',
    targetId: ruleId,
    metadata: { name: row.name },
  });
  return toRule(row);
}

/** A copy, disabled, so it does not fire twice for the same event until it is edited. */
export async function duplicateRule(ruleId: string, ctx: TenantContext): Promise<AutomationRule> {
  const source = toRule(await getRuleRow(ctx.db, ruleId));
  return createRule({ ...source, name: `${source.name} (copy)`.slice(0, 120), isEnabled: false }, ctx);
}

export async function deleteRule(ruleId: string, ctx: TenantContext): Promise<void> {
  const row = await getRuleRow(ctx.db, ruleId);
  await ctx.db.automationRule.delete({ where: { id: ruleId } });
  await afterRuleDeleted(ctx, ruleId);
  await audit(ctx, {
    action: 'automation.deleted',
    targetType: 'automation_rule',
    targetId: ruleId,
    metadata: { name: row.name },
  });
}

function columns(input: AutomationRuleInput) {
  return {
    name: input.name,
    description: input.description,
    kind: input.kind,
    isEnabled: input.isEnabled,
    eventType: eventTypeOf(input.trigger),
    trigger: input.trigger as object,
    conditions: input.conditions as object,
    actions: input.actions as object,
    window: input.window === null ? Prisma.DbNull : (input.window as object),
    channelId: input.channelId,
  };
}
