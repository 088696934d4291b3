// An example value built from a JSON schema, for operations whose declaration has no hand-written
// `example`: every operation in the OpenAPI document then shows a request and a response.
// Deterministic (same schema, same example), so the generated client and docs do not churn.

type JsonSchema = Record<string, unknown>;

const STRING_FORMATS: Record<string, string> = {
  uuid: '3f6c2b1e-8a4d-4c2b-9e1f-7a5b6c8d9e01',
  'date-time': '2026-01-15T09:30:00.000Z',
  date: '2026-01-15',
  time: '09:30:00',
  email: 'ana@example.com',
  uri: 'https://example.com/hook',
  url: 'https://example.com/hook',
  ipv4: '203.0.113.7',
  ipv6: '2001:db8::7',
};

/** Tried in order against a string's pattern (phones, keys, colours, times, field paths…). */
const PATTERN_CANDIDATES = [
  'example',
  'example_key',
  'ana@example.com',
  '+14155550123',
  '14155550123',
  '123456',
  'en',
  'US',
  '#1f6feb',
  '09:30',
  '2026-01-15',
  '2026-01-15T09:30',
  'fields.example',
  'name',
  '42',
  'PRIVATE KEY',
];

/**
 * A value satisfying the schema's types, enums, formats and lengths. `all` also fills optional
 * properties (responses show every field); request bodies keep to the required ones.
 */
export function exampleFromSchema(schema: JsonSchema, options: { all: boolean }, root: JsonSchema = schema): unknown {
  return build(schema, { ...options, root, depth: 0 });
}

type State = { all: boolean; root: JsonSchema; depth: number };

function build(schema: JsonSchema, state: State): unknown {
  if (state.depth > 8) {
    return null;
  }
  const next = { ...state, depth: state.depth + 1 };
  if (typeof schema.$ref === 'string') {
    return build(resolveRef(schema.$ref, state.root), next);
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    return schema.examples[0];
  }
  if ('const' in schema) {
    return schema.const;
  }
  if ('default' in schema && schema.default !== undefined) {
    return schema.default;
  }
  if (Array.isArray(schema.enum)) {
    return schema.enum[0];
  }
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (choices) {
    const nonNull = choices.find((c) => c.type !== 'null') ?? choices[0];
    return nonNull ? build(nonNull, next) : null;
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((part) => build(part, next)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return objectExample(schema, next);
    case 'array':
      // Deep down (a recursive condition tree) an optional list stays empty.
      return Array.from({ length: Math.max(state.depth > 3 ? 0 : 1, Number(schema.minItems ?? 0)) }, () =>
        build((schema.items as JsonSchema | undefined) ?? {}, next),
      );
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return schema.properties ? objectExample(schema, next) : 'example';
  }
}

function objectExample(schema: JsonSchema, state: State): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (state.all || required.has(name)) {
      // An e-mail checked by a refinement has no format in its JSON schema: its name tells.
      const isEmail = /email$/i.test(name) && property.type === 'string' && !property.format;
      result[name] = isEmail ? 'ana@example.com' : build(property, state);
    }
  }
  return result;
}

function stringExample(schema: JsonSchema): string {
  const format = typeof schema.format === 'string' ? STRING_FORMATS[schema.format] : undefined;
  if (format) {
    return format;
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const match = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (match) {
      return match;
    }
  }
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Number(schema.maxLength ?? Infinity);
  const text = minLength > 7 ? 'x'.repeat(minLength) : 'example';
  return text.slice(0, maxLength);
}

function numberExample(schema: JsonSchema): number {
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const lowest = Math.max(minimum ?? -Infinity, exclusive ?? -Infinity);
  return Math.min(Math.max(1, lowest), maximum ?? Infinity);
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  // zod emits local references only: "#" (the root, for recursion) or "#/$defs/Name".
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<JsonSchema>((node, key) => (node[key] ?? {}) as JsonSchema, root);
}
