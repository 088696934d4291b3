// The last Express middleware: every failure leaves as { error: { code, message, details } }.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '#lib/logger';
import { AppError, errorBody, HTTP_STATUS_BY_CODE } from '../errors.ts';

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') {
      logger.error({ err: error, requestId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    }
    const retryAfter = appError.details?.retryAfterSeconds;
    if (retryAfter !== undefined) {
      res.setHeader('Retry-After', String(retryAfter));
      res.setHeader('X-RateLimit-Remaining', '0');
      res.setHeader('X-RateLimit-Reset', String(retryAfter));
      if (typeof appError.details?.limit === 'number') {
        res.setHeader('X-RateLimit-Limit', String(appError.details.limit));
      }
    }
    res.status(HTTP_STATUS_BY_CODE[appError.code]).json(errorBody(appError));
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }
  const bodyParserType = (error as { type?: string }).type;
  if (bodyParserType === 'entity.parse.failed') {
    return new AppError('MALFORMED_JSON', 'The request body is not valid JSON', {
      fields: [{ field: 'body', in: 'body', message: 'is not valid JSON' }],
    });
  }
  if (bodyParserType === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  }
  if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
    return new AppError('VALIDATION_FAILED', 'Unsupported request body encoding');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side: the error was logged');
}
