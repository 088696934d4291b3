// Calls an HTTP API. `success` is a 2xx answer; anything else, a timeout included, is `failure`.
// The response is in `{{http.status}}` / `{{http.body…}}` until the next request.
import { z } from 'zod';
import { draftVariableNameSchema } from '../../variables.ts';
import { templateText } from '../shared/fields.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const DEFAULT_HTTP_TIMEOUT_SECONDS = 10;
/** A customer is waiting for the reply; a slow API should fail rather than stall the chat. */
export const MAX_HTTP_TIMEOUT_SECONDS = 30;

export const httpHeaderSchema = z.object({ name: z.string().default(''), value: templateText });

/** Copies `path` of the JSON response body (e.g. `data.items.0.id`; blank = the whole body). */
export const responseMappingSchema = z.object({ variable: draftVariableNameSchema, path: z.string().default('') });
export type ResponseMapping = z.output<typeof responseMappingSchema>;

export const httpRequestDataSchema = z.object({
  method: z.enum(HTTP_METHODS).default('GET'),
  /** A template rendered with url escaping. */
  url: templateText,
  headers: z.array(httpHeaderSchema).default(() => []),
  /** A JSON template rendered with json escaping; ignored for GET and DELETE. */
  body: templateText,
  timeoutSeconds: z.number().int().min(1).max(MAX_HTTP_TIMEOUT_SECONDS).default(DEFAULT_HTTP_TIMEOUT_SECONDS),
  responseMapping: z.array(responseMappingSchema).default(() => []),
});
export type HttpRequestData = z.output<typeof httpRequestDataSchema>;
