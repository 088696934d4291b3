// An AutomationRule row as the API shows it: its JSON columns parsed by their schemas (so a row
// written by an older version still reads), and the status of its latest run for the list.
import type { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import {
  automationActionsSchema,
  automationConditionsSchema,
  automationTriggerSchema,
  automationWindowSchema,
  ruleKindSchema,
  runStatusSchema,
  type AutomationRule,
} from './schemas.ts';

export const ruleSelect = {
  id: true,
  name: true,
  description: true,
  kind: true,
  isEnabled: true,
  eventType: true,
  trigger: true,
  conditions: true,
  actions: true,
  window: true,
  channelId: true,
  lastRunAt: true,
  createdAt: true,
  updatedAt: true,
  runs: { orderBy: { startedAt: 'desc' }, take: 1, select: { status: true } },
} satisfies Prisma.AutomationRuleSelect;

export type RuleRow = Prisma.AutomationRuleGetPayload<{ select: typeof ruleSelect }>;

export function toRule(row: RuleRow): AutomationRule {
  const lastStatus = row.runs[0]?.status;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: ruleKindSchema.parse(row.kind),
    isEnabled: row.isEnabled,
    eventType: row.eventType,
    channelId: row.channelId,
    trigger: automationTriggerSchema.parse(row.trigger),
    conditions: automationConditionsSchema.parse(row.conditions),
    actions: automationActionsSchema.parse(row.actions),
    window: automationWindowSchema.parse(row.window ?? null),
    lastRunAt: row.lastRunAt,
    lastRunStatus: lastStatus ? runStatusSchema.parse(lastStatus) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The rule or NOT_FOUND (another tenant's id is not found either: the db is tenant-scoped). */
export async function getRuleRow(db: TenantDb, ruleId: string): Promise<RuleRow> {
  const row = await db.automationRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  if (!row) {
    throw AppError.notFound('Automation rule');
  }
  return row;
}
