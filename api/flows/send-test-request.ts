// Sends an HTTP node's request once, from the server, so the builder can show the answer and what
// the mapping would copy. The request is rendered exactly as the session renders it
// (workflows/flow-session/steps/integrations.ts: url escaping for the URL, json escaping for the
// body, a JSON content type by default) and sent by the httpRequest activity's own function.
// Like the node itself it goes through the SSRF guard: a target the operator's policy refuses
// (lib/outbound-http.ts) is a 400 naming `url`.
import { sendHttpRequest, type HttpRequestInput } from '#activities/flows/http-request';
import { emptyScope, type FlowScope } from '#flow-dsl/scope';
import { interpolate } from '#flow-dsl/template';
import { TargetNotAllowedError, type OutboundPolicy } from '#lib/outbound-http';
import { AppError } from '../errors.ts';
import type { TestRequestInput, TestRequestResult } from './test-request-schemas.ts';

export async function sendTestRequest(input: TestRequestInput, policy: OutboundPolicy): Promise<TestRequestResult> {
  const request = renderRequest(input, { ...emptyScope(), vars: input.variables });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { status, body, mapped } = await sendHttpRequest(request, policy);
    const found = Object.fromEntries(Object.entries(mapped).map(([name, value]) => [name, value ?? null]));
    return { ok: true, status, durationMs: elapsed(), body: body ?? null, mapped: found };
  } catch (error) {
    if (error instanceof TargetNotAllowedError) {
      throw AppError.field('url', error.message);
    }
    return { ok: false, error: describeFailure(error, input.timeoutSeconds), durationMs: elapsed() };
  }
}

function renderRequest(input: TestRequestInput, scope: FlowScope): HttpRequestInput {
  const hasBody = input.method !== 'GET' && input.method !== 'DELETE' && input.body.trim() !== '';
  const headers: Record<string, string> = {};
  input.headers.forEach((header, index) => {
    if (header.name) {
      headers[header.name] = checkedHeader(header.name, interpolate(header.value, scope), index);
    }
  });
  if (hasBody && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return {
    method: input.method,
    url: checkedUrl(interpolate(input.url, scope, { escape: 'url' })),
    headers,
    body: hasBody ? interpolate(input.body, scope, { escape: 'json' }) : null,
    timeoutSeconds: input.timeoutSeconds,
    responseMapping: input.responseMapping.filter((m) => m.variable),
  };
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw AppError.field('url', `"${url}" is not an absolute URL once its templates are filled in`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw AppError.field('url', `must be an http or https URL, not ${parsed.protocol}`);
  }
  return url;
}

/** A header fetch would refuse is the caller's mistake: a 400 naming it, not a failed request. */
function checkedHeader(name: string, value: string, index: number): string {
  try {
    new Headers([[name, '']]);
  } catch {
    throw AppError.field(`headers.${index}.name`, `"${name}" is not a valid header name`);
  }
  try {
    new Headers([[name, value]]);
  } catch {
    throw AppError.field(`headers.${index}.value`, 'is not a valid header value once its templates are filled in');
  }
  return value;
}

function describeFailure(error: unknown, timeoutSeconds: number): string {
  // Read structurally: fetch's abort is a DOMException, which is not always an Error instance.
  const { name, message, cause } = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { message?: string; code?: string };
  };
  if (name === 'TimeoutError') {
    return `No answer within ${timeoutSeconds} s`;
  }
  const detail = cause?.message || cause?.code;
  const text = message || String(error);
  return detail ? `${text}: ${detail}` : text;
}
