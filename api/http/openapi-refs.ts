// zod writes a recursive schema (a segment's condition tree, a flow's node graph) with local
// `$defs` and `$ref: "#/$defs/…"`. Inside an OpenAPI document "#" is the document, not the
// schema, so those references would dangle: they move to components.schemas under a name derived
// from their content (the same zod schema used by several operations becomes one component).
import { createHash } from 'node:crypto';

type JsonSchema = Record<string, unknown>;

/** Moves the schema's `$defs` (and the schema itself, if it refers to "#") into `components`. */
export function hoistDefinitions(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const local = $defs ?? {};
  if (Object.keys(local).length === 0 && !refersTo(rest, '#')) {
    return schema;
  }
  const names: Record<string, string> = {};
  for (const [name, definition] of Object.entries(local)) {
    names[`#/$defs/${name}`] = componentName(definition);
  }
  if (refersTo(rest, '#')) {
    names['#'] = componentName(rest);
  }
  for (const [name, definition] of Object.entries(local)) {
    components[names[`#/$defs/${name}`]!] = rewrite(definition, names) as JsonSchema;
  }
  const root = rewrite(rest, names) as JsonSchema;
  if (names['#']) {
    components[names['#']] = root;
    return { $ref: `#/components/schemas/${names['#']}` };
  }
  return root;
}

function componentName(definition: JsonSchema): string {
  const hash = createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 10);
  const title = typeof definition.title === 'string' ? definition.title.replace(/\W/g, '') : 'Schema';
  return `${title}_${hash}`;
}

function rewrite(node: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => rewrite(item, names));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    const target = key === '$ref' && typeof value === 'string' ? names[value] : undefined;
    out[key] = target ? `#/components/schemas/${target}` : rewrite(value, names);
  }
  return out;
}

function refersTo(node: unknown, ref: string): boolean {
  return JSON.stringify(node).includes(`"$ref":${JSON.stringify(ref)}`);
}
