// The ai_intent node: which intent the customer's text matches, or null (`fallback`).
import type { ActivityDeps } from '../deps.ts';
import type { IntentOption } from './ai/provider.ts';
import { resolveAiProvider } from './ai/resolve-provider.ts';

export type ClassifyIntentInput = { tenantId: string; intents: IntentOption[]; text: string };

export function createClassifyIntentActivity(deps: ActivityDeps) {
  return async function classifyIntent(input: ClassifyIntentInput): Promise<string | null> {
    if (input.text.trim() === '') {
      return null;
    }
    const provider = await resolveAiProvider(deps, input.tenantId);
    return provider.classifyIntent(input.intents, input.text);
  };
}
