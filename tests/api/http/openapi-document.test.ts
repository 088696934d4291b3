// The published OpenAPI document: every operation carries a summary and examples, its examples
// pass both the route's zod schema and the document's JSON schema, and every $ref resolves.
import { allRoutes } from '#api/routes';
import { buildOpenApiDocument } from '#api/http/openapi';
import { createDocumentValidator, type OpenApiDocument } from '../../support/openapi/document-validator.ts';

const document = buildOpenApiDocument(allRoutes, 'http://localhost:3000') as unknown as OpenApiDocument;
const validator = createDocumentValidator(document);
const cases = allRoutes.map((route) => {
  const path = route.spec.path.replace(/:(\w+)/g, '{$1}');
  return [`${route.spec.method} ${route.spec.path}`, route, path, document.paths[path]![route.spec.method]!] as const;
});

describe('[api] OpenAPI document', () => {
  it.each(cases)('%s has a summary and examples that match its schemas', (_label, route, path, operation) => {
    const { spec } = route;
    expect(operation.summary).toBe(spec.summary);
    const json = operation.requestBody?.content['application/json'];
    if (json) {
      expect(json.example).toBeDefined();
      expect(spec.body!.safeParse(json.example).error?.issues ?? []).toEqual([]);
      expect(
        validator.check(
          ['paths', path, spec.method, 'requestBody', 'content', 'application/json', 'schema'],
          json.example,
        ),
      ).toBeNull();
    } else if (spec.body) {
      // Uploads: multipart/form-data with a binary `file` part.
      expect(operation.requestBody?.content['multipart/form-data']).toBeDefined();
    }
    const status = String(spec.successStatus ?? (spec.response ? 200 : 204));
    const success = operation.responses[status]?.content?.['application/json'];
    if (spec.response && !spec.file) {
      expect(success?.example).toBeDefined();
      expect(spec.response.safeParse(success!.example).error?.issues ?? []).toEqual([]);
      const pointer = ['paths', path, spec.method, 'responses', status, 'content', 'application/json', 'schema'];
      expect(validator.check(pointer, success!.example)).toBeNull();
    }
    for (const parameter of operation.parameters?.filter((p) => p.in === 'path') ?? []) {
      expect(parameter).toMatchObject({ example: expect.anything() });
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((name) => !(name! in document.components.schemas))).toEqual([]);
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"#(\/\$defs\/[^"]*)?"/);
  });
});
