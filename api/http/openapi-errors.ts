// The error side of the OpenAPI document: the one envelope every failure shares, and a named
// response per kind of failure that operations refer to (not a copy in each of them).
import { HTTP_STATUS_BY_CODE } from '../errors.ts';

type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSES = {
  InvalidInput: 'Invalid input: `details.fields` names each field',
  RateLimited: 'Rate limited: retry after the `Retry-After` header',
  Unauthenticated: 'Not signed in, or the key/token is invalid',
  Forbidden: 'Signed in but not allowed',
  PeopleOnly: 'Not allowed, or called with an API key: this operation is for people only',
  WrongCredentials: 'The credentials, code or token are wrong or expired',
  NotFound: 'Not found (in your workspace): the path, or an id in the body',
  Conflict: 'Conflicts with the current state, e.g. a duplicate name or a finished run',
  Unprocessable: 'Well-formed but refused as it stands: the message and `details` say why',
  BadGateway: 'WhatsApp refused or failed for a reason that is not your input',
  Unavailable: 'A service behind the API (WhatsApp, the workflow engine) is unavailable: retry',
};

export type ErrorResponseName = keyof typeof ERROR_RESPONSES;

export function errorResponse(name: ErrorResponseName): JsonSchema {
  return { $ref: `#/components/responses/${name}` };
}

export function errorResponses(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, description]) => [
      name,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
}

export function errorSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(HTTP_STATUS_BY_CODE) },
          message: { type: 'string' },
          details: {
            type: 'object',
            properties: {
              fields: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    field: { type: 'string' },
                    in: { enum: ['path', 'query', 'body', 'header'] },
                    message: { type: 'string' },
                  },
                },
              },
              retryAfterSeconds: { type: 'integer' },
            },
          },
        },
      },
    },
  };
}
