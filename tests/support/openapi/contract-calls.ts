// Requests built from an OpenAPI operation alone: one valid call (path ids from seeded
// resources, the body from the operation's example with its ids swapped for real ones) and the
// invalid calls a careless client makes (malformed ids, wrong types, unknown enum values,
// missing fields, broken JSON), each with the field the error envelope must name.
import { exampleFromSchema } from '#api/http/openapi-examples';
import type { Operation } from './document-validator.ts';

type JsonSchema = Record<string, unknown>;

export type ContractCall = {
  what: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  /** A multipart upload: the file sent in the part named `file`. */
  upload?: { filename: string; type: string; text: string };
  /** For an invalid call: the field the error must name. */
  field?: { name: string; in: 'path' | 'query' | 'body' };
};

/** Seeded ids by path-parameter name (RESOURCE_IDS); undefined for names it does not know. */
export type IdLookup = (name: string) => string | undefined;

export function validCall(path: string, operation: Operation, ids: IdLookup): ContractCall {
  const query = (operation.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(exampleFromSchema(p.schema, { all: false })))}`);
  const url = fillPath(path, ids) + (query.length > 0 ? `?${query.join('&')}` : '');
  const content = operation.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    const csv = path.includes('contact-imports');
    const upload = csv
      ? { filename: 'contacts.csv', type: 'text/csv', text: 'phone,name\n+14155550177,Contract Test\n' }
      : { filename: 'note.txt', type: 'text/plain', text: 'A contract test file' };
    return { what: 'valid', path: url, upload };
  }
  const example = content['application/json']?.example;
  return { what: 'valid', path: url, ...(example !== undefined ? { body: withSeededIds(example, ids, path) } : {}) };
}

export function invalidCalls(path: string, operation: Operation, ids: IdLookup): ContractCall[] {
  const calls: ContractCall[] = [];
  for (const p of operation.parameters ?? []) {
    if (p.in !== 'path' && p.in !== 'query') {
      continue; // Headers (Idempotency-Key) have their own tests.
    }
    const bad = badValue(p.schema);
    if (bad === undefined || (p.in === 'query' && typeof bad !== 'string')) {
      continue;
    }
    const url =
      p.in === 'path'
        ? fillPath(path, (name) => (name === p.name ? String(bad) : ids(name)))
        : `${fillPath(path, ids)}?${p.name}=${encodeURIComponent(String(bad))}`;
    calls.push({ what: `malformed ${p.in} parameter ${p.name}`, path: url, field: { name: p.name, in: p.in } });
  }
  const url = fillPath(path, ids);
  const content = operation.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    calls.push({ what: 'JSON instead of a file', path: url, body: {}, field: { name: 'file', in: 'body' } });
  }
  const json = content['application/json'];
  if (!json) {
    return calls;
  }
  calls.push({ what: 'broken JSON', path: url, rawBody: '{"', field: { name: 'body', in: 'body' } });
  const schema = json.schema;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const example = (isObject(json.example) ? withSeededIds(json.example, ids, path) : {}) as Record<string, unknown>;
  if (required.length > 0) {
    calls.push({ what: 'no required fields', path: url, body: {}, field: { name: required[0]!, in: 'body' } });
  }
  const typed = [...required, ...Object.keys(properties)].find((name) => wrongType(properties[name]) !== undefined);
  if (typed) {
    const body = { ...example, [typed]: wrongType(properties[typed]) };
    calls.push({ what: `wrong type for ${typed}`, path: url, body, field: { name: typed, in: 'body' } });
  }
  const enumName = Object.keys(properties).find((name) => Array.isArray(properties[name]!.enum));
  if (enumName) {
    const body = { ...example, [enumName]: 'not-an-option' };
    calls.push({ what: `unknown ${enumName}`, path: url, body, field: { name: enumName, in: 'body' } });
  }
  return calls;
}

function fillPath(path: string, ids: IdLookup): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const id = ids(name);
    if (id === undefined) {
      throw new Error(`Add the path parameter "${name}" to RESOURCE_IDS in tests/support/seed/api-resources.ts`);
    }
    return encodeURIComponent(id);
  });
}

/** Ids in an example body point at seeded resources: `channelId`, `contactIds`, bulk `ids`. */
function withSeededIds(value: unknown, ids: IdLookup, path: string, key = ''): unknown {
  if (Array.isArray(value)) {
    const singular = key === 'ids' ? (path.includes('/contacts') ? 'contactId' : 'conversationId') : key.slice(0, -1);
    const items = value.map((item) =>
      typeof item === 'string' && ids(singular) ? ids(singular) : withSeededIds(item, ids, path),
    );
    // Two example ids become the same seeded one: lists of ids refuse duplicates.
    return items.every((item) => typeof item === 'string') ? [...new Set(items)] : items;
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        typeof v === 'string' && ids(k) ? ids(k) : withSeededIds(v, ids, path, k),
      ]),
    );
  }
  return value;
}

/** A value the parameter's schema refuses, or undefined when any text is accepted. */
function badValue(schema: JsonSchema): string | number | undefined {
  if (schema.format === 'uuid' || Array.isArray(schema.enum) || schema.pattern) {
    return 'not-valid!';
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return 'not-a-number';
  }
  return undefined;
}

function wrongType(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? undefined : schema?.type;
  const wrong: Record<string, unknown> = {
    string: 12345,
    integer: 'not-a-number',
    number: 'not-a-number',
    boolean: 'not-a-boolean',
    array: 'not-a-list',
    object: 'not-an-object',
  };
  return typeof type === 'string' ? wrong[type] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
