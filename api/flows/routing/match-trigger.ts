// Which active flow, if any, a message starts: the first trigger (already in priority order) that
// applies to the channel and fires. The facts that cost a query are computed only when a trigger
// needs them.
import { matchesKeyword, triggerAppliesToChannel } from '#flow-dsl/triggers';
import type { ActiveTrigger } from './active-triggers.ts';

export type MessageFacts = {
  channelId: string;
  text: string | null;
  isNewConversation: () => Promise<boolean>;
  isOutsideBusinessHours: () => Promise<boolean>;
};

export async function matchTrigger(triggers: ActiveTrigger[], facts: MessageFacts): Promise<ActiveTrigger | null> {
  for (const candidate of triggers) {
    const { trigger } = candidate;
    if (!triggerAppliesToChannel(trigger, facts.channelId)) {
      continue;
    }
    const fires =
      trigger.type === 'keyword'
        ? facts.text !== null && matchesKeyword(trigger, facts.text)
        : trigger.type === 'new_conversation'
          ? await facts.isNewConversation()
          : await facts.isOutsideBusinessHours();
    if (fires) {
      return candidate;
    }
  }
  return null;
}
