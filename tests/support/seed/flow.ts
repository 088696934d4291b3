// Flow documents for API tests, and a helper that creates (and optionally publishes) one.
import type { HttpClient } from '../http-client.ts';

type Trigger = Record<string, unknown>;

/** start → send_text `text`. */
export function greetingDocument(name: string, text: string, trigger: Trigger = { type: 'manual' }) {
  return {
    schemaVersion: 2,
    name,
    trigger,
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'send_text', position: { x: 0, y: 100 }, data: { text } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' }],
  };
}

/** start → ask_question (saved as vars.answer) → send_text "Thanks, {{vars.answer}}". */
export function questionDocument(name: string, trigger: Trigger = { type: 'manual' }) {
  return {
    schemaVersion: 2,
    name,
    trigger,
    variables: [{ name: 'order_id', defaultValue: 'none' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'ask',
        type: 'ask_question',
        position: { x: 0, y: 100 },
        data: { prompt: 'What is your name? (order {{vars.order_id}})', saveAs: 'answer', timeoutSeconds: 300 },
      },
      { id: 'thanks', type: 'send_text', position: { x: 0, y: 200 }, data: { text: 'Thanks, {{vars.answer}}' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'answered', target: 'thanks' },
    ],
  };
}

/** Creates a flow with `document` and publishes it unless told not to; returns its id. */
export async function createFlow(
  http: HttpClient,
  token: string,
  document: { name: string },
  options: { publish?: boolean } = {},
): Promise<string> {
  const created = await http.post('/api/flows', { name: document.name, document }, { token });
  if (created.status !== 201) {
    throw new Error(`creating the flow failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  if (options.publish ?? true) {
    const published = await http.post(`/api/flows/${created.body.id}/publish`, undefined, { token });
    if (published.status !== 200) {
      throw new Error(`publishing failed: ${published.status} ${JSON.stringify(published.body)}`);
    }
  }
  return created.body.id;
}
