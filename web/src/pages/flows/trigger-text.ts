// A trigger in words, for the flows list and the builder's trigger button.
import { triggerSchema } from '#flow-dsl/triggers';

export function triggerText(raw: unknown): string {
  const parsed = triggerSchema.safeParse(raw);
  if (!parsed.success) {
    return 'Not published';
  }
  const trigger = parsed.data;
  switch (trigger.type) {
    case 'keyword': {
      const words = trigger.keywords.map((k) => k.value).filter(Boolean);
      return words.length > 0 ? `Keywords: ${words.join(', ')}` : 'Keywords: none yet';
    }
    case 'new_conversation':
      return 'New conversations';
    case 'outside_business_hours':
      return 'Outside business hours';
    case 'manual':
      return 'API and tests only';
  }
}
