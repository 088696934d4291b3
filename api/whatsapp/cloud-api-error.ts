// A Cloud API failure, from Meta's error envelope (contract §11) or from the network, with what a
// caller needs to decide: retry or not, and whether the channel itself is in trouble.
import { z } from 'zod';
import { meaningOf, type ErrorMeaning } from './error-codes.ts';

export const graphErrorEnvelopeSchema = z.object({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export class CloudApiError extends Error {
  readonly code: number;
  readonly details: string | undefined;
  readonly httpStatus: number | null;
  readonly meaning: ErrorMeaning;

  constructor(input: { code: number; message: string; details?: string | undefined; httpStatus: number | null }) {
    super(input.message);
    this.name = 'CloudApiError';
    this.code = input.code;
    this.details = input.details;
    this.httpStatus = input.httpStatus;
    this.meaning = meaningOf(input.code);
  }

  /** Retrying the same request can succeed (rate limits, transient outages, network errors). */
  get isRetryable(): boolean {
    return this.meaning.retry !== 'never';
  }

  static fromResponse(httpStatus: number, body: unknown): CloudApiError {
    const parsed = graphErrorEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      // No Meta envelope: a proxy or outage page. 5xx is worth retrying, anything else is not.
      return new CloudApiError({
        code: httpStatus >= 500 ? 2 : 100,
        message: `HTTP ${httpStatus} without a Graph error body`,
        httpStatus,
      });
    }
    const { code, message, error_data } = parsed.data.error;
    return new CloudApiError({ code, message, details: error_data?.details, httpStatus });
  }

  static network(cause: unknown): CloudApiError {
    const error = new CloudApiError({
      code: 2,
      message: `Network error calling the Cloud API: ${String(cause)}`,
      httpStatus: null,
    });
    error.cause = cause;
    return error;
  }
}
