// The inspector and the engine read one set of schemas: every data key of every node type has an
// editor, list items edit exactly the keys an item has, and selects and number boxes offer what
// the schema accepts. Adding a field to a node schema without an editor fails here.
import { NODE_DATA_SCHEMAS, NODE_TYPES, type NodeType } from '#flow-dsl/catalogue';
import type { FieldSpec } from '../../../web/src/flow-builder/inspector/field-spec.ts';
import { INSPECTOR_FIELDS } from '../../../web/src/flow-builder/inspector/inspector-fields.ts';
import { dataShape, enumOptions, fieldSchema, itemKeys, numberBounds } from './schema-introspection.ts';

const specsOf = (type: NodeType): Array<[string, FieldSpec]> => Object.entries(INSPECTOR_FIELDS[type]);
const allSpecs = NODE_TYPES.flatMap((type) => specsOf(type).map(([key, spec]) => ({ type, key, spec })));
const ofKind = <K extends FieldSpec['kind']>(kind: K) =>
  allSpecs.filter(
    (entry): entry is { type: NodeType; key: string; spec: Extract<FieldSpec, { kind: K }> } =>
      entry.spec.kind === kind,
  );
const named = <E extends { type: NodeType; key: string }>(entries: E[]) =>
  entries.map((entry) => [`${entry.type}.${entry.key}`, entry] as const);

describe('[builder] inspector fields', () => {
  it('covers every node type of the catalogue', () => {
    expect(Object.keys(INSPECTOR_FIELDS).sort()).toEqual([...NODE_TYPES].sort());
  });

  it.each(NODE_TYPES)('edits exactly the data keys of %s', (type) => {
    expect(Object.keys(INSPECTOR_FIELDS[type]).sort()).toEqual(Object.keys(dataShape(type)).sort());
    expect(NODE_DATA_SCHEMAS[type]).toBeDefined();
  });

  it.each(named(ofKind('items')))('edits every key of a %s item', (_name, { type, key, spec }) => {
    expect(Object.keys(spec.item).sort()).toEqual(itemKeys(type, key).sort());
  });

  it.each(named(ofKind('select')))('offers the values %s accepts', (_name, { type, key, spec }) => {
    expect(spec.options.map((option) => option.value)).toEqual(enumOptions(type, key));
  });

  it.each(named([...ofKind('number'), ...ofKind('duration')]))(
    'bounds %s as its schema does',
    (_name, { type, key, spec }) => {
      const bounds = numberBounds(type, key);
      expect({ min: spec.min, max: spec.max }).toEqual({ min: bounds.min, max: bounds.max });
      expect(spec.kind === 'duration' || spec.integer === bounds.integer).toBe(true);
    },
  );

  const textKinds = ['message', 'template', 'json', 'text', 'longtext'] as const;
  it.each(named(allSpecs.filter((entry) => (textKinds as readonly string[]).includes(entry.spec.kind))))(
    'edits %s as the text it is',
    (_name, { type, key }) => {
      expect(fieldSchema(type, key).safeParse('Hello {{contact.name}}').success).toBe(true);
    },
  );

  it.each(named(ofKind('variable')))('keeps %s a variable name', (_name, { type, key }) => {
    expect(fieldSchema(type, key).safeParse('order_id').success).toBe(true);
    expect(fieldSchema(type, key).safeParse('').success).toBe(true);
    expect(fieldSchema(type, key).safeParse('order id').success).toBe(false);
  });

  it.each(named([...ofKind('tags'), ...ofKind('strings')]))('edits %s as a list of texts', (_name, { type, key }) => {
    expect(fieldSchema(type, key).safeParse(['a', '{{vars.b}}']).success).toBe(true);
  });

  it.each(named(ofKind('toggle')))('edits %s as a yes/no', (_name, { type, key }) => {
    expect(fieldSchema(type, key).safeParse(true).success).toBe(true);
  });

  it('gives every field a label', () => {
    expect(allSpecs.filter(({ spec }) => spec.label.trim() === '')).toEqual([]);
  });
});
