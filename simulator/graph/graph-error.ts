// Graph API errors in Meta's envelope (contract §11): `{"error":{"message":"(#<code>) <title>",
// "type":"OAuthException","code",...,"error_data":{"messaging_product":"whatsapp","details"},
// "fbtrace_id"}}`. The same codes reach webhooks as `{code,title,message,error_data,href}`.
import type { ErrorRequestHandler } from 'express';
import { token } from '../core/ids.ts';

export const ERROR_TITLES: Record<number, string> = {
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  200: 'Provide valid app ID',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131009: 'Parameter value is not valid',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131051: 'Message type unknown',
  131053: 'Media upload error',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132012: 'Parameter format does not match format in the created template',
  132015: 'Template is Paused',
  132016: 'Template is Disabled',
};

const ERROR_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export class GraphError extends Error {
  readonly httpStatus: number;
  readonly code: number;
  readonly title: string;
  readonly details: string;
  readonly subcode: number | undefined;

  constructor(code: number, details: string, options: { httpStatus?: number; title?: string; subcode?: number } = {}) {
    const title = options.title ?? ERROR_TITLES[code] ?? 'Unknown error';
    super(`(#${code}) ${title}`);
    this.name = 'GraphError';
    this.code = code;
    this.title = title;
    this.details = details;
    this.subcode = options.subcode;
    this.httpStatus = options.httpStatus ?? (code === 190 ? 401 : 400);
  }

  envelope(random: () => number) {
    return {
      error: {
        message: this.message,
        type: 'OAuthException',
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details },
        ...(this.subcode !== undefined ? { error_subcode: this.subcode } : {}),
        fbtrace_id: `A${token(random, 22)}`,
      },
    };
  }
}

/** The error object webhooks carry in `statuses[].errors`, `messages[].errors` or `value.errors`. */
export function webhookErrorObject(code: number, details: string) {
  const title = ERROR_TITLES[code] ?? 'Unknown error';
  return { code, title, message: title, error_data: { details }, href: ERROR_HREF };
}

export function invalidParameter(details: string, subcode?: number): GraphError {
  return new GraphError(100, details, subcode === undefined ? {} : { subcode });
}

export function unsupportedRequest(method: string, objectId: string): GraphError {
  return new GraphError(
    100,
    `Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { title: `Unsupported ${method.toLowerCase()} request`, subcode: 33 },
  );
}

export function graphErrorHandler(random: () => number): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const reply = graphErrorReply(error, random);
    res.status(reply.status).json(reply.body);
  };
}

/** The HTTP status and Meta's envelope for any error a Graph route throws. */
export function graphErrorReply(error: unknown, random: () => number): { status: number; body: unknown } {
  const graphError = toGraphError(error);
  return { status: graphError.httpStatus, body: graphError.envelope(random) };
}

function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) {
    return error;
  }
  const status = (error as { status?: unknown; type?: unknown }) ?? {};
  if (status.type === 'entity.parse.failed') {
    return invalidParameter('The request body is not valid JSON.');
  }
  if (status.type === 'entity.too.large') {
    return invalidParameter('The request body is too large.');
  }
  return new GraphError(131000, `Simulator error: ${String(error)}`, { httpStatus: 500 });
}
