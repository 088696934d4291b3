// Errors of the control API, in Parley's own shape (`{ error: { code, message, details } }`)
// rather than Meta's: these endpoints are ours, not Graph's.
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';

export class ControlError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ControlError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  static notFound(what: string): ControlError {
    return new ControlError(404, 'NOT_FOUND', `${what} not found`);
  }

  static invalid(field: string, message: string): ControlError {
    return new ControlError(400, 'VALIDATION_FAILED', `${field}: ${message}`, { fields: [{ field, message }] });
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'body',
      message: issue.message,
    }));
    throw new ControlError(400, 'VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
      fields,
    });
  }
  return parsed.data;
}

export const controlErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof ControlError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed' || type === 'entity.too.large') {
    const tooLarge = type === 'entity.too.large';
    res.status(tooLarge ? 413 : 400).json({
      error: {
        code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_JSON',
        message: tooLarge ? 'Body too large' : 'Body is not valid JSON',
      },
    });
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL', message: `Simulator error: ${String(error)}` } });
};
