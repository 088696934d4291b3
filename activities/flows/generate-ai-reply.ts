// The ai_reply node: the answer to send, or null when the provider has none (the workflow then
// sends the node's fallbackText). Sending is a separate activity, so a retry never sends twice.
import type { ActivityDeps } from '../deps.ts';
import { resolveAiProvider } from './ai/resolve-provider.ts';

export type GenerateAiReplyInput = { tenantId: string; instructions: string; knowledge: string; text: string };

export function createGenerateAiReplyActivity(deps: ActivityDeps) {
  return async function generateAiReply(input: GenerateAiReplyInput): Promise<string | null> {
    const provider = await resolveAiProvider(deps, input.tenantId);
    return provider.reply(input);
  };
}
