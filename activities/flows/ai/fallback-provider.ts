// The provider used when no AI integration is configured: keyword matching and knowledge lookup
// from flow-dsl, deterministic and free.
import { answerFromKnowledge, classifyByKeywords } from '#flow-dsl/intent';
import type { AiProvider } from './provider.ts';

export const fallbackProvider: AiProvider = {
  async classifyIntent(intents, text) {
    return classifyByKeywords(intents, text);
  },
  async reply({ knowledge, text }) {
    return answerFromKnowledge(knowledge, text);
  },
};
