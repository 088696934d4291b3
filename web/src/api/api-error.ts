// Every failed API call becomes an ApiError carrying the server's error envelope, so forms can put
// field messages next to their inputs and pages can react to codes (rate limits, missing 2FA).
import { z } from 'zod';

export type FieldIssue = { field: string; in?: string; message: string };

const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .looseObject({
        fields: z.array(z.object({ field: z.string(), in: z.string().optional(), message: z.string() })).optional(),
        retryAfterSeconds: z.number().optional(),
      })
      .optional(),
  }),
});

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, fields: FieldIssue[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response.json().catch(() => null);
    const parsed = errorEnvelopeSchema.safeParse(body);
    const retryHeader = Number(response.headers.get('Retry-After'));
    const headerRetry = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
    if (!parsed.success) {
      return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`, [], headerRetry);
    }
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details?.fields, details?.retryAfterSeconds ?? headerRetry);
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK', 'Cannot reach Parley: check your connection and try again');
  }
}

/** A sentence for a toast or an alert, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
      return `Too many attempts: try again in ${formatWait(error.retryAfterSeconds)}.`;
    }
    if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
      return error.fields.map((f) => `${f.field} ${f.message}`).join('; ');
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong';
}

export function formatWait(seconds: number): string {
  if (seconds < 60) {
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
