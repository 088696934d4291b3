// Time-based rules run from a Temporal Schedule of their own (`automation-schedule:<ruleId>`),
// in the workspace's time zone: the cron expression as written, or every day at `at` for a rule
// relative to a contact date field. Saving, enabling, disabling or deleting a rule syncs it:
// an enabled time rule has exactly one Schedule, anything else none.
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Env } from '#lib/env';
import type { AutomationTrigger } from './schemas.ts';

export const AUTOMATION_SCHEDULE_WORKFLOW = 'automationScheduleWorkflow';

type ScheduleServices = { temporal: Client; env: Env };
type ScheduledRule = { id: string; isEnabled: boolean; trigger: AutomationTrigger };

export function ruleScheduleId(tenantId: string, ruleId: string): string {
  return `automation-schedule:${tenantId}:${ruleId}`;
}

export async function syncRuleSchedule(
  services: ScheduleServices,
  tenantId: string,
  rule: ScheduledRule,
  timezone: string,
): Promise<void> {
  await deleteRuleSchedule(services, tenantId, rule.id);
  const { trigger } = rule;
  if (!rule.isEnabled || (trigger.type !== 'schedule' && trigger.type !== 'date_field')) {
    return;
  }
  const scheduleId = ruleScheduleId(tenantId, rule.id);
  const spec =
    trigger.type === 'schedule'
      ? { cronExpressions: [trigger.cron], timezone }
      : { calendars: [dailyAt(trigger.at)], timezone };
  await services.temporal.schedule.create({
    scheduleId,
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: AUTOMATION_SCHEDULE_WORKFLOW,
      args: [{ tenantId, ruleId: rule.id }],
      taskQueue: services.env.TEMPORAL_TASK_QUEUE,
      workflowId: scheduleId,
      workflowExecutionTimeout: '1 hour',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
  });
}

export async function deleteRuleSchedule(services: ScheduleServices, tenantId: string, ruleId: string): Promise<void> {
  try {
    await services.temporal.schedule.getHandle(ruleScheduleId(tenantId, ruleId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) {
      throw error;
    }
  }
}

function dailyAt(at: string) {
  const [hour, minute] = at.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0, dayOfWeek: '*', dayOfMonth: '*', month: '*' } as const;
}
