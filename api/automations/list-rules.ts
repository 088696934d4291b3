// Reading rules and their run log. Rules list newest first; runs newest first with an optional
// status filter, both with the shared cursor pagination.
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import { getRuleRow, ruleSelect, toRule } from './rule-view.ts';
import {
  automationRunOutcomeSchema,
  runStatusSchema,
  type AutomationRule,
  type AutomationRun,
  type listRulesQuerySchema,
  type listRunsQuerySchema,
} from './schemas.ts';
import type { z } from 'zod';

export async function listRules(
  query: z.output<typeof listRulesQuerySchema>,
  ctx: TenantContext,
): Promise<Page<AutomationRule>> {
  const rows = await ctx.db.automationRule.findMany({
    where: query.kind ? { kind: query.kind } : {},
    select: ruleSelect,
    ...pageArgs(query),
  });
  return toPage(rows, query, toRule);
}

export async function getRule(ruleId: string, ctx: TenantContext): Promise<AutomationRule> {
  return toRule(await getRuleRow(ctx.db, ruleId));
}

export async function listRuns(
  ruleId: string,
  query: z.output<typeof listRunsQuerySchema>,
  ctx: TenantContext,
): Promise<Page<AutomationRun>> {
  await getRuleRow(ctx.db, ruleId);
  const rows = await ctx.db.automationRun.findMany({
    where: { ruleId, ...(query.status ? { status: query.status } : {}) },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
  });
  return toPage(rows, query, (row) => ({
    id: row.id,
    ruleId: row.ruleId,
    triggerKey: row.triggerKey,
    status: runStatusSchema.parse(row.status),
    contactId: row.contactId,
    conversationId: row.conversationId,
    outcome: automationRunOutcomeSchema.parse(row.outcome),
    error: row.error,
    triggeredAt: row.triggeredAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  }));
}
