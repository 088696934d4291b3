// The one application error. Domain code throws AppError with a code; the HTTP layer maps the
// code to a status in one table and answers { error: { code, message, details } }.

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'MFA_REQUIRED'
  | 'MFA_INVALID'
  | 'MFA_ENROLLMENT_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'BAD_GATEWAY'
  | 'INTERNAL';

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  MFA_ENROLLMENT_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Well-formed but refused as it stands, e.g. publishing a flow whose diagnostics hold errors. */
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  /** An upstream service (WhatsApp) failed or refused for a reason that is not the caller's input. */
  BAD_GATEWAY: 502,
  INTERNAL: 500,
};

export type FieldIssue = { field: string; message: string; in?: 'path' | 'query' | 'body' | 'header' };

export type ErrorDetails = { fields?: FieldIssue[]; retryAfterSeconds?: number; [key: string]: unknown };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static field(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
    return new AppError(code, `${field}: ${message}`, { fields: [{ field, message }] });
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetails } };

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}
