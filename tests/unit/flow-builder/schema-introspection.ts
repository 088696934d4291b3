// Reads what the inspector needs to agree with out of the flow-dsl zod schemas: keys, item keys,
// enum options and number bounds, under any `.default()` / `.optional()` wrappers.
import { z } from 'zod';
import { NODE_DATA_SCHEMAS, type NodeType } from '#flow-dsl/catalogue';

export function dataShape(type: NodeType): Record<string, z.ZodType> {
  const schema = NODE_DATA_SCHEMAS[type] as unknown as z.ZodObject;
  return schema.shape;
}

export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

export function fieldSchema(type: NodeType, key: string): z.ZodType {
  const schema = dataShape(type)[key];
  if (!schema) {
    throw new Error(`${type} has no ${key}`);
  }
  return unwrap(schema);
}

/** The keys of the objects an array field holds. */
export function itemKeys(type: NodeType, key: string): string[] {
  const array = fieldSchema(type, key);
  if (!(array instanceof z.ZodArray)) {
    throw new Error(`${type}.${key} is not an array`);
  }
  const element = unwrap(array.element as z.ZodType);
  return element instanceof z.ZodObject ? Object.keys(element.shape) : [];
}

export function enumOptions(type: NodeType, key: string): string[] {
  const schema = fieldSchema(type, key);
  if (!(schema instanceof z.ZodEnum)) {
    throw new Error(`${type}.${key} is not an enum`);
  }
  return schema.options.map(String);
}

export function numberBounds(type: NodeType, key: string) {
  const schema = fieldSchema(type, key);
  if (!(schema instanceof z.ZodNumber)) {
    throw new Error(`${type}.${key} is not a number`);
  }
  return { min: schema.minValue, max: schema.maxValue, integer: schema.isInt };
}
