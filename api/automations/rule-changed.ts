// What follows any change to a rule: its Schedule (time-based rules) is synced, and the event
// dispatcher's cached "does this tenant want this event type" answer is dropped.
import type { TenantContext } from '../context.ts';
import { invalidateEventInterest } from '../events/event-interest.ts';
import { deleteRuleSchedule, syncRuleSchedule } from './rule-schedule.ts';
import type { AutomationRule } from './schemas.ts';

export async function afterRuleChange(ctx: TenantContext, rule: AutomationRule): Promise<void> {
  invalidateEventInterest(ctx.db.tenantId);
  const settings = await ctx.db.settings.findUnique({
    where: { tenantId: ctx.db.tenantId },
    select: { timezone: true },
  });
  await syncRuleSchedule(ctx.services, ctx.db.tenantId, rule, settings?.timezone ?? 'UTC');
}

export async function afterRuleDeleted(ctx: TenantContext, ruleId: string): Promise<void> {
  invalidateEventInterest(ctx.db.tenantId);
  await deleteRuleSchedule(ctx.services, ctx.db.tenantId, ruleId);
}
