// What the ai_intent and ai_reply nodes need from a language model. Two implementations: an
// OpenAI-compatible HTTP API when the tenant configured an `ai` integration, else the
// deterministic keyword fallback (flow-dsl/intent.ts), so flows work without any AI account.
export type IntentOption = { id: string; name: string; keywords: string[] };

export type AiProvider = {
  /** The id of the matching intent, or null for the `fallback` branch. */
  classifyIntent(intents: IntentOption[], text: string): Promise<string | null>;
  /** A reply grounded in the knowledge text, or null when there is nothing to say. */
  reply(request: { instructions: string; knowledge: string; text: string }): Promise<string | null>;
};
