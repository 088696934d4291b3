// Whether an event fires a rule: the trigger's specifics (keyword, attribute, tag, first message)
// and the conditions on the contact. Pure, so it is unit-testable and cheap on the hot path.
import { matchesPattern } from '#flow-dsl/text';
import { keywordRegexFlags, type AutomationConditions, type AutomationTrigger } from './schemas.ts';

/** What the dispatcher knows about the event, whatever its type. */
export type EventFacts = {
  text: string | null;
  conversationIsNew: boolean;
  changedAttributes: string[];
  tag: string | null;
};

export type ContactFacts = {
  name: string | null;
  email: string | null;
  phone: string;
  tags: string[];
  fields: Record<string, unknown>;
};

export function triggerMatches(trigger: AutomationTrigger, event: EventFacts): boolean {
  switch (trigger.type) {
    case 'keyword':
      return (
        event.text !== null && trigger.keywords.some((keyword) => keywordMatches(trigger, keyword, event.text ?? ''))
      );
    case 'message_received':
      return !trigger.onlyNewConversation || event.conversationIsNew;
    case 'greeting':
      return event.conversationIsNew;
    case 'contact_updated':
      return (
        event.changedAttributes.length > 0 &&
        (trigger.attributes.length === 0 || trigger.attributes.some((a) => event.changedAttributes.includes(a)))
      );
    case 'tag_added':
      return trigger.tag === undefined || trigger.tag.toLowerCase() === (event.tag ?? '').toLowerCase();
    default:
      // away (hours are checked by the dispatcher), conversation_created/resolved: the event is enough
      return true;
  }
}

export function conditionsHold(conditions: AutomationConditions, contact: ContactFacts | null): boolean {
  if (conditions.items.length === 0) {
    return true;
  }
  if (!contact) {
    return false;
  }
  const results = conditions.items.map((condition) => {
    const tags = contact.tags.map((tag) => tag.toLowerCase());
    switch (condition.type) {
      case 'has_tag':
        return tags.includes(condition.tag.toLowerCase());
      case 'lacks_tag':
        return !tags.includes(condition.tag.toLowerCase());
      default: {
        const value = attributeValue(contact, condition.attribute);
        const expected = condition.value.toLowerCase();
        switch (condition.operator) {
          case 'equals':
            return value?.toLowerCase() === expected;
          case 'not_equals':
            return value?.toLowerCase() !== expected;
          case 'contains':
            return value?.toLowerCase().includes(expected) ?? false;
          case 'is_set':
            return value !== null && value !== '';
          default:
            return value === null || value === '';
        }
      }
    }
  });
  return conditions.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

function keywordMatches(trigger: Extract<AutomationTrigger, { type: 'keyword' }>, keyword: string, text: string) {
  if (trigger.match === 'regex') {
    return matchesPattern(keyword, text, keywordRegexFlags(trigger.caseSensitive));
  }
  const [k, t] = trigger.caseSensitive ? [keyword, text.trim()] : [keyword.toLowerCase(), text.trim().toLowerCase()];
  return trigger.match === 'exact' ? t === k : t.includes(k);
}

function attributeValue(contact: ContactFacts, attribute: string): string | null {
  if (attribute.startsWith('fields.')) {
    const value = contact.fields[attribute.slice('fields.'.length)];
    return value === undefined || value === null ? null : Array.isArray(value) ? value.join(', ') : String(value);
  }
  const value = contact[attribute as 'name' | 'email' | 'phone'];
  return value ?? null;
}
