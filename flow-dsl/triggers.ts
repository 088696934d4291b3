// What starts a flow for a customer who is not already in one (docs/flow-engine.md, Routing).
import { z } from 'zod';
import { matchesPattern, normalizeText } from './text.ts';

export const keywordSchema = z.object({
  value: z.string(),
  match: z.enum(['exact', 'contains', 'regex']).default('exact'),
});
export type Keyword = z.output<typeof keywordSchema>;

const channelIds = z.array(z.string()).default(() => []);
const priority = z.number().int().default(0);

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keyword'), keywords: z.array(keywordSchema).default(() => []), channelIds, priority }),
  z.object({ type: z.literal('new_conversation'), channelIds, priority }),
  z.object({ type: z.literal('outside_business_hours'), channelIds, priority }),
  // API and test-panel runs only.
  z.object({ type: z.literal('manual') }),
]);
export type Trigger = z.output<typeof triggerSchema>;
export type TriggerType = Trigger['type'];

/**
 * Whether a message text fires a keyword trigger. exact and contains ignore case, accents and
 * extra spaces; regex runs case-insensitively on the raw text, and an invalid pattern never matches.
 */
export function matchesKeyword(trigger: Trigger, text: string): boolean {
  if (trigger.type !== 'keyword') {
    return false;
  }
  const normalized = normalizeText(text);
  return trigger.keywords.some((keyword) => keywordMatches(keyword, text, normalized));
}

/** Whether a trigger applies to a channel (an empty list means every channel). */
export function triggerAppliesToChannel(trigger: Trigger, channelId: string): boolean {
  return trigger.type === 'manual' || trigger.channelIds.length === 0 || trigger.channelIds.includes(channelId);
}

function keywordMatches(keyword: Keyword, text: string, normalizedText: string): boolean {
  const value = normalizeText(keyword.value);
  switch (keyword.match) {
    case 'exact':
      return value !== '' && normalizedText === value;
    case 'contains':
      return value !== '' && normalizedText.includes(value);
    case 'regex':
      return keyword.value !== '' && matchesPattern(keyword.value, text);
  }
}
