// Automation rules (docs/automations.md): CRUD, enable/disable, duplicate and the run log.
// Permission webhooks.manage ("Manage outgoing webhooks and automation"); API keys allowed.
import { tenantRoute, type Route } from '../http/define-route.ts';
import './register-listener.ts';
import { exampleRule, exampleRuleInput, exampleRun } from './examples.ts';
import { getRule, listRules, listRuns } from './list-rules.ts';
import { createRule, deleteRule, duplicateRule, setRuleEnabled, updateRule } from './manage-rules.ts';
import {
  automationRulePageSchema,
  automationRuleInputSchema,
  automationRuleSchema,
  automationRunPageSchema,
  listRulesQuerySchema,
  listRunsQuerySchema,
  ruleParamsSchema,
  setEnabledInputSchema,
} from './schemas.ts';

const tag = 'Automations';
const permission = 'webhooks.manage' as const;
const checks =
  'The trigger, conditions, actions and window are validated (400 naming the field, e.g. `actions.1.tag`); the channel, agents, teams and flows referenced must be the workspace’s (422 naming the field). A free-form `send_message` is only allowed for triggers answering a customer’s message (24-hour window); other triggers use `send_template`.';

export const automationRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/automations',
    tag,
    summary: 'Automation rules, newest first, with their last run',
    permission,
    query: listRulesQuerySchema,
    response: automationRulePageSchema,
    example: { response: { items: [exampleRule], nextCursor: null } },
    handler: ({ query }, ctx) => listRules(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/automations',
    tag,
    summary: 'Create an automation rule',
    description: checks,
    permission,
    body: automationRuleInputSchema,
    response: automationRuleSchema,
    successStatus: 201,
    example: { body: exampleRuleInput, response: exampleRule },
    handler: ({ body }, ctx) => createRule(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/automations/:automationId',
    tag,
    summary: 'One automation rule',
    permission,
    params: ruleParamsSchema,
    response: automationRuleSchema,
    example: { response: exampleRule },
    handler: ({ params }, ctx) => getRule(params.automationId, ctx),
  }),
  tenantRoute({
    method: 'put',
    path: '/api/automations/:automationId',
    tag,
    summary: 'Replace an automation rule',
    description: checks,
    permission,
    params: ruleParamsSchema,
    body: automationRuleInputSchema,
    response: automationRuleSchema,
    example: { body: exampleRuleInput, response: exampleRule },
    handler: ({ params, body }, ctx) => updateRule(params.automationId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/automations/:automationId/enabled',
    tag,
    summary: 'Enable or disable a rule without deleting it',
    permission,
    params: ruleParamsSchema,
    body: setEnabledInputSchema,
    response: automationRuleSchema,
    example: { body: { isEnabled: false }, response: { ...exampleRule, isEnabled: false } },
    handler: ({ params, body }, ctx) => setRuleEnabled(params.automationId, body.isEnabled, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/automations/:automationId/duplicate',
    tag,
    summary: 'Copy a rule (the copy starts disabled)',
    permission,
    params: ruleParamsSchema,
    response: automationRuleSchema,
    successStatus: 201,
    example: { response: { ...exampleRule, name: 'Pricing keyword (copy)', isEnabled: false } },
    handler: ({ params }, ctx) => duplicateRule(params.automationId, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/automations/:automationId',
    tag,
    summary: 'Delete a rule and its run log',
    permission,
    params: ruleParamsSchema,
    handler: ({ params }, ctx) => deleteRule(params.automationId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/automations/:automationId/runs',
    tag,
    summary: 'The rule’s run log, newest first: when, outcome per action and error',
    permission,
    params: ruleParamsSchema,
    query: listRunsQuerySchema,
    response: automationRunPageSchema,
    example: { response: { items: [exampleRun], nextCursor: null } },
    handler: ({ params, query }, ctx) => listRuns(params.automationId, query, ctx),
  }),
];
