// Starts a simulator on port 0 with a webhook receiver and one registered number, plus small
// HTTP helpers for the Graph API (bearer token) and the control API.
import { startMetaSimulator } from '#simulator/start-meta-simulator';
import type { SimulatorOptionsInput } from '#simulator/simulator-options';
import { startWebhookReceiver } from './webhook-receiver.ts';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type Reply = { status: number; body: any; headers: Headers };

export const NUMBER = {
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  displayPhoneNumber: '+1 555-078-3881',
  verifiedName: 'Parley Test Shop',
  accessToken: 'EAAtest-token-1',
  appSecret: 'app-secret-1',
};

export async function startSandbox(options: SimulatorOptionsInput = {}) {
  const receiver = await startWebhookReceiver();
  const started = await startMetaSimulator({
    latencyMs: { min: 0, max: 0 },
    templateReviewDelayMs: 0,
    webhookRetryDelayMs: 10,
    ...options,
  });
  const number = started.simulator.registerPhoneNumber({ ...NUMBER, webhookUrl: receiver.url });

  const call = async (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await fetch(url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (media bytes, plain text)
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const graph = (method: string, path: string, body?: unknown, token: string | null = NUMBER.accessToken) =>
    call(method, `${started.url}/v24.0${path}`, body, token ? { authorization: `Bearer ${token}` } : {});
  const upload = async (form: FormData, token = NUMBER.accessToken): Promise<Reply> => {
    const response = await fetch(`${started.url}/v24.0/${NUMBER.phoneNumberId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  const control = (method: string, path: string, body?: unknown) =>
    call(method, `${started.url}/_sandbox${path}`, body);
  const send = (message: Record<string, unknown>, to?: string) =>
    graph('POST', `/${NUMBER.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to, ...message });

  /** A customer who has just written (so the 24 h window is open). */
  const customer = async (name = 'Sheena Nelson', waId?: string) => {
    const created = await control('POST', `/numbers/${NUMBER.phoneNumberId}/customers`, {
      name,
      ...(waId ? { waId } : {}),
    });
    const fromCustomer = await control(
      'POST',
      `/numbers/${NUMBER.phoneNumberId}/customers/${created.body.waId}/messages`,
      {
        type: 'text',
        text: { body: 'Hi!' },
      },
    );
    return { waId: String(created.body.waId), firstMessageId: String(fromCustomer.body.id) };
  };
  const customerPath = (waId: string, rest = '') => `/numbers/${NUMBER.phoneNumberId}/customers/${waId}${rest}`;

  return {
    url: started.url,
    simulator: started.simulator,
    number,
    receiver,
    graph,
    upload,
    control,
    send,
    customer,
    customerPath,
    settle: () => started.simulator.flush(),
    async stop() {
      await started.stop();
      await receiver.close();
    },
  };
}

/** A mutable clock for `now` (ms since the epoch). */
export function fakeClock(start = Date.UTC(2026, 0, 15, 12)) {
  const clock = { at: start, now: () => clock.at, advance: (ms: number) => void (clock.at += ms) };
  return clock;
}
