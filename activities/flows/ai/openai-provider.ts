// An OpenAI-compatible chat completions API (OpenAI, Azure-style proxies, Ollama, vLLM…):
// settings { baseUrl, model }, credentials { apiKey }. HTTP errors follow the usual split:
// 429/5xx retry, other 4xx are permanent (a wrong key will not fix itself).
import { throwUnlessOk } from '../http-request.ts';
import { readCapped } from '../read-capped.ts';
import type { AiProvider, IntentOption } from './provider.ts';

export type OpenAiSettings = { baseUrl: string; model: string; apiKey: string };

export function createOpenAiProvider(settings: OpenAiSettings): AiProvider {
  const complete = async (system: string, user: string): Promise<string> => {
    const response = await fetch(`${settings.baseUrl.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await readCapped(response)) as { choices?: Array<{ message?: { content?: string } }> } | null;
    throwUnlessOk(response.status, 'AI provider');
    return body?.choices?.[0]?.message?.content?.trim() ?? '';
  };
  return {
    async classifyIntent(intents, text) {
      const answer = await complete(intentPrompt(intents), text);
      const chosen = answer.replace(/[^A-Za-z0-9_-]/g, '');
      return intents.some((i) => i.id === chosen) ? chosen : null;
    },
    async reply({ instructions, knowledge, text }) {
      const answer = await complete(`${instructions}\n\nAnswer only from this knowledge:\n${knowledge}`, text);
      return answer === '' ? null : answer;
    },
  };
}

function intentPrompt(intents: IntentOption[]): string {
  const list = intents.map((i) => `- ${i.id}: ${i.name} (e.g. ${i.keywords.join(', ')})`).join('\n');
  return `Classify the customer's message into one of these intents. Answer with the id only, or "none".\n${list}`;
}
