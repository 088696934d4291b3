// What a rule needs from an event, whatever its type: the contact, conversation and channel it
// concerns, and the facts triggers match on (text, first message, changed attributes, tag).
import type { EventFacts } from './match-rule.ts';

/** The dispatcher's view of one recorded event (TenantEvent). */
export type AutomationEvent = {
  id: string;
  tenantId: string;
  type: string;
  createdAt: Date | string;
  payload: Record<string, unknown>;
};

export type EventIds = { contactId: string | null; conversationId: string | null; channelId: string | null };

export function eventIds(event: AutomationEvent): EventIds {
  const p = event.payload;
  const contact = p.contact as { id?: string } | undefined;
  return {
    contactId: str(contact?.id) ?? str(p.contactId),
    conversationId: str(p.conversationId),
    channelId: str(p.channelId),
  };
}

export function eventFacts(event: AutomationEvent): EventFacts {
  const p = event.payload;
  const changes = Array.isArray(p.changes) ? (p.changes as Array<{ attribute?: unknown }>) : [];
  return {
    text: str(p.text),
    conversationIsNew: p.conversationIsNew === true,
    changedAttributes: changes.flatMap((change) => (typeof change.attribute === 'string' ? [change.attribute] : [])),
    tag: str(p.tag),
  };
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
