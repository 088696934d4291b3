// The webhook node: POSTs the session's state as JSON. The Idempotency-Key is the step's stable
// key (`flow:<sessionId>:<seq>`), the same on every retry, so the receiver can drop repeats.
// The URL goes through the SSRF guard (lib/outbound-http.ts); a refused one fails at once.
import { guardedFetch, outboundPolicy } from '#lib/outbound-http';
import type { ContactScope } from '#workflows/flow-session/state';
import type { ActivityDeps } from '../deps.ts';
import { refusedAsPermanent, throwUnlessOk } from './http-request.ts';
import { readCapped } from './read-capped.ts';

export type CallWebhookInput = {
  url: string;
  flowId: string;
  sessionId: string;
  seq: number;
  contact: ContactScope;
  variables: Record<string, unknown>;
  /** The node's `payload` template, rendered (JSON escape) and parsed by the workflow. */
  data: unknown;
};

const TIMEOUT_MS = 10_000;

export function createCallWebhookActivity(deps: ActivityDeps) {
  return async function callWebhook(input: CallWebhookInput): Promise<{ status: number }> {
    const response = await refusedAsPermanent(() => post(input, deps));
    await readCapped(response); // drain it, within the size limit
    throwUnlessOk(response.status, `webhook ${new URL(input.url).host}`);
    return { status: response.status };
  };
}

function post(input: CallWebhookInput, deps: ActivityDeps): Promise<Response> {
  return guardedFetch(
    input.url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `flow:${input.sessionId}:${input.seq}`,
        'user-agent': 'Parley-Flows/1',
      },
      body: JSON.stringify({
        event: 'flow.webhook',
        flowId: input.flowId,
        sessionId: input.sessionId,
        contact: input.contact,
        variables: input.variables,
        data: input.data,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    },
    { policy: outboundPolicy(deps.env) },
  );
}
