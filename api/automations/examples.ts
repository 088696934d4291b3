// OpenAPI examples for the automation routes.
import type { AutomationRule, AutomationRuleInput, AutomationRun } from './schemas.ts';

const exampleId = '00000000-0000-4000-8000-000000000000';

export const exampleRuleInput = {
  name: 'Pricing keyword',
  description: 'Answers "price" and tags the lead',
  kind: 'custom',
  isEnabled: true,
  channelId: null,
  trigger: { type: 'keyword', keywords: ['price', 'pricing'], match: 'contains', caseSensitive: false },
  conditions: { match: 'all', items: [{ type: 'lacks_tag', tag: 'customer' }] },
  actions: [
    { type: 'send_message', text: 'Hi {{contact.name}}, our price list: https://example.com/prices' },
    { type: 'add_tag', tag: 'lead' },
    { type: 'assign', target: { type: 'team', teamId: exampleId } },
  ],
  window: { days: { mon: [{ from: '09:00', to: '18:00' }], tue: [{ from: '09:00', to: '18:00' }] } },
} satisfies AutomationRuleInput;

const at = '2026-12-01T09:30:00.000Z';

export const exampleRule = {
  ...exampleRuleInput,
  id: exampleId,
  eventType: 'message.received',
  lastRunAt: at,
  lastRunStatus: 'succeeded',
  createdAt: at,
  updatedAt: at,
} satisfies Omit<AutomationRule, 'lastRunAt' | 'createdAt' | 'updatedAt'> & Record<string, unknown>;

export const exampleRun = {
  id: exampleId,
  ruleId: exampleId,
  triggerKey: exampleId,
  status: 'failed',
  contactId: exampleId,
  conversationId: exampleId,
  outcome: [
    { action: 'send_message', status: 'succeeded', detail: null },
    { action: 'add_tag', status: 'failed', detail: 'Contact does not exist' },
    { action: 'assign', status: 'not_run', detail: null },
  ],
  error: 'add_tag: Contact does not exist',
  triggeredAt: at,
  startedAt: at,
  finishedAt: at,
} satisfies Omit<AutomationRun, 'triggeredAt' | 'startedAt' | 'finishedAt'> & Record<string, unknown>;
