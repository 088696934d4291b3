// Validates values against schemas inside the OpenAPI document (JSON Schema 2020-12, as OpenAPI
// 3.1 uses), so tests check what the published document promises rather than the zod source.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

export type Operation = {
  operationId: string;
  summary: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown>; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown>; example?: unknown }> }>;
  security?: unknown[];
  'x-api-keys'?: boolean;
};

export type DocumentValidator = {
  /** Error text for `value` against the schema at the JSON pointer, or null when it is valid. */
  check(pointer: string[], value: unknown): string | null;
};

export function createDocumentValidator(document: OpenApiDocument): DocumentValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Formats zod writes that JSON Schema does not define: documentation only.
  for (const format of ['binary', 'text', 'includes']) {
    ajv.addFormat(format, true);
  }
  ajv.addSchema(document as object, 'openapi');
  return {
    check(pointer, value) {
      const ref = `openapi#/${pointer.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
      const validate = ajv.getSchema(ref);
      if (!validate) {
        return `no schema at ${ref}`;
      }
      return validate(value) ? null : ajv.errorsText(validate.errors, { separator: '; ' });
    },
  };
}
