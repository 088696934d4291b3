// runAutomationAction: one action of a run, dispatched by type to the code the flows and the
// inbox already use. Returns a short detail for the run log; throws a non-retryable failure for
// what a retry cannot fix (missing contact or conversation, refused template, 4xx webhook).
import { ApplicationFailure } from '@temporalio/activity';
import { automationActionSchema } from '#api/automations/schemas';
import type { AutomationRunInput } from '#workflows/automation/messages';
import type { ActivityDeps } from '../deps.ts';
import { createCloseConversationActivity } from '../flows/close-conversation.ts';
import { createHandOffConversationActivity } from '../flows/hand-off-conversation.ts';
import { createUpdateContactActivity } from '../flows/update-contact.ts';
import { callAutomationWebhook } from './call-automation-webhook.ts';
import { loadContactFiller } from './fill-placeholders.ts';
import { createAutomationSender } from './send-automation-message.ts';
import { startAutomationFlow } from './start-automation-flow.ts';
import { tagContactAtomically } from './tag-contact-atomically.ts';

export type RunActionInput = AutomationRunInput & { runId: string; seq: number; action: unknown };

export function createRunAutomationActionActivity(deps: ActivityDeps) {
  const send = createAutomationSender(deps);
  const updateContact = createUpdateContactActivity(deps);
  const handOff = createHandOffConversationActivity(deps);
  const close = createCloseConversationActivity(deps);
  return async function runAutomationAction(input: RunActionInput): Promise<string | null> {
    const { tenantId } = input;
    const parsed = automationActionSchema.safeParse(input.action);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`Not an action this version knows: ${parsed.error.message}`, 'BadInput');
    }
    const action = parsed.data;
    const key = `automation:${input.runId}:${input.seq}`;
    switch (action.type) {
      case 'send_message':
      case 'send_template': {
        const { channelId, contactId } = needs(input, 'channelId', 'contactId');
        const fill = await loadContactFiller(deps, tenantId, contactId);
        return send({ tenantId, channelId, contactId, idempotencyKey: key }, action, fill);
      }
      case 'add_tag':
      case 'remove_tag': {
        const { contactId } = needs(input, 'contactId');
        const [add, remove] = action.type === 'add_tag' ? [[action.tag], []] : [[], [action.tag]];
        const tags = await tagContactAtomically(deps, { tenantId, contactId, add, remove });
        return `tags: ${tags.join(', ') || 'none'}`;
      }
      case 'update_field': {
        const { contactId } = needs(input, 'contactId');
        const fill = await loadContactFiller(deps, tenantId, contactId);
        await updateContact({ tenantId, contactId, updates: [{ field: action.field, value: fill(action.value) }] });
        return `${action.field} updated`;
      }
      case 'assign': {
        const { conversationId } = needs(input, 'conversationId');
        const by = {
          kind: 'rule',
          id: input.ruleId,
          label: `Rule "${input.ruleName}"`,
          reason: 'Automation rule',
        } as const;
        await handOff({ tenantId, conversationId, target: action.target, by });
        return `assigned to ${action.target.type}`;
      }
      case 'close_conversation': {
        const { conversationId } = needs(input, 'conversationId');
        await close({ tenantId, conversationId });
        return 'conversation resolved';
      }
      case 'start_flow': {
        const { channelId, contactId } = needs(input, 'channelId', 'contactId');
        return startAutomationFlow(deps, { tenantId, channelId, contactId, flowId: action.flowId });
      }
      case 'call_webhook':
        return callAutomationWebhook(deps, { ...input, url: action.url, idempotencyKey: key });
    }
  };
}

type Ids = Pick<AutomationRunInput, 'contactId' | 'conversationId' | 'channelId'>;

/** The ids an action needs; a trigger without them (a time rule with no contact) fails the run. */
function needs<K extends keyof Ids>(input: Ids, ...keys: K[]): { [P in K]: string } {
  for (const key of keys) {
    if (!input[key]) {
      const what = { contactId: 'a contact', conversationId: 'a conversation', channelId: 'a number' }[key];
      throw ApplicationFailure.nonRetryable(`This action needs ${what}, and the trigger gave none`, 'BadInput');
    }
  }
  return input as { [P in K]: string };
}
