// OpenAPI 3.1 generated from the route declarations' zod schemas: the documentation cannot drift
// from what the API validates.
import { z } from 'zod';
import type { Route } from './define-route.ts';
import { exampleFromSchema } from './openapi-examples.ts';
import { hoistDefinitions } from './openapi-refs.ts';
import { shareRepeatedSchemas } from './openapi-shared-schemas.ts';
import { errorResponse, errorResponses, errorSchema } from './openapi-errors.ts';
import { idempotencyParameters, idempotencyResponseHeaders } from './openapi-idempotency.ts';

type JsonSchema = Record<string, unknown>;

export function buildOpenApiDocument(routes: Route[], serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Error: errorSchema() };
  for (const route of routes) {
    const path = route.spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.spec.method]: operation(route, schemas) };
  }
  shareRepeatedSchemas(paths, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1.0.0',
      description:
        'Everything the Parley web app does, over HTTP. Authenticate with an API key (Settings → API keys) as `Authorization: Bearer prl_…`. Errors share one envelope: `{ "error": { "code", "message", "details" } }`; validation errors name each field in `details.fields`. Lists take `limit` (1–100) and `cursor` and return `{ items, nextCursor }`. Responses carry `X-RateLimit-*` headers; a 429 carries `Retry-After`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (prl_…) or a user access token' },
      },
      schemas,
      responses: errorResponses(),
    },
    paths,
  };
}

function operation(route: Route, schemas: Record<string, JsonSchema>): JsonSchema {
  const { spec, access } = route;
  const parameters = [
    ...parametersOf(spec.params, 'path'),
    ...parametersOf(spec.query, 'query'),
    ...idempotencyParameters(route),
  ];
  /** A declaration's own example wins; otherwise one is generated from the schema. */
  const content = (schema: z.ZodType, example: unknown, all: boolean): JsonSchema => {
    const json = toSchema(schema, 'input');
    const value = example === undefined ? exampleFromSchema(json, { all }) : example;
    return { schema: hoistDefinitions(json, schemas), example: value };
  };
  /** An upload (a `file` part of format binary) is multipart/form-data, everything else JSON. */
  const requestContent = (body: z.ZodType): JsonSchema => {
    const json = toSchema(body, 'input') as { properties?: Record<string, JsonSchema> };
    return Object.values(json.properties ?? {}).some((p) => p.format === 'binary')
      ? { 'multipart/form-data': { schema: json } }
      : { 'application/json': content(body, spec.example?.body, false) };
  };
  const successStatus = String(spec.successStatus ?? (spec.response ? 200 : 204));
  const responses: Record<string, unknown> = {
    [successStatus]: spec.file
      ? { description: 'A file download', content: { [spec.file.contentType]: { schema: { type: 'string' } } } }
      : spec.response
        ? {
            description: 'Success',
            ...withHeaders(idempotencyResponseHeaders(route)),
            content: { 'application/json': content(spec.response, spec.example?.response, true) },
          }
        : { description: 'No content' },
    '400': errorResponse('InvalidInput'),
    '429': errorResponse('RateLimited'),
  };
  if (access.kind !== 'public') {
    responses['401'] = errorResponse('Unauthenticated');
    responses['403'] = errorResponse(access.kind === 'tenant' && access.apiKeys ? 'Forbidden' : 'PeopleOnly');
  } else if (spec.method !== 'get') {
    responses['401'] = errorResponse('WrongCredentials');
  }
  if (spec.params || spec.body) {
    responses['404'] = errorResponse('NotFound');
  }
  if (spec.method !== 'get') {
    responses['409'] = errorResponse('Conflict');
    responses['422'] = errorResponse('Unprocessable');
  }
  if (access.kind === 'tenant') {
    responses['502'] = errorResponse('BadGateway');
    responses['503'] = errorResponse('Unavailable');
  }
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: `${spec.method}${spec.path.replace(/[/:{}-](\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(access.kind === 'public' ? { security: [] } : { security: [{ apiKey: [] }] }),
    ...(access.kind === 'tenant' && access.permission ? { 'x-permission': access.permission } : {}),
    // People only (own account, personal settings, key management): an API key gets a 403.
    ...(access.kind === 'user' || (access.kind === 'tenant' && !access.apiKeys) ? { 'x-api-keys': false } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: requestContent(spec.body) } } : {}),
    responses,
  };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) {
    return [];
  }
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(location === 'path' ? { example: exampleFromSchema(property, { all: false }) } : {}),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** Responses are encoded (codecs turn Dates into text), so both directions use the wire (input) side. */
function toSchema(schema: z.ZodType, io: 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function withHeaders(headers: JsonSchema): JsonSchema {
  return Object.keys(headers).length > 0 ? { headers } : {};
}
