// The API keeps the promises of its published OpenAPI document. For every operation in
// /api/openapi.json, whatever routes exist when this runs: invalid input (malformed ids, wrong
// types, unknown enum values, missing fields, broken JSON) answers a 4xx error envelope naming the
// field, and a valid call (seeded ids, the documented example as its body) answers a documented
// status whose body matches the documented schema. Nothing answers 500. An API key makes every
// call it may make; person-only operations use the owner's session and must refuse the key (403).
// No operation is skipped: uploads send a small file, downloads are checked by status, and the
// operations that would lock the caller out or remove shared resources run last (contract-order.ts).
import { randomBytes } from 'node:crypto';
import { startMetaSimulator, type StartedMetaSimulator } from '#simulator/start-meta-simulator';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { RESOURCE_IDS, seedApiResources, type Resources } from '../../support/seed/api-resources.ts';
import {
  createDocumentValidator,
  type DocumentValidator,
  type OpenApiDocument,
} from '../../support/openapi/document-validator.ts';
import { invalidCalls, validCall, type ContractCall, type IdLookup } from '../../support/openapi/contract-calls.ts';
import { contractOrder, type OperationEntry } from '../../support/openapi/contract-order.ts';

let meta: StartedMetaSimulator;
let app: TestApp;
let owner: SeededTenant;
let apiKey: string;
let resources: Resources;
let document: OpenApiDocument;
let validator: DocumentValidator;
let ids: IdLookup;
const outcomes: string[] = [];

// The document is read from the running app below; the operations to walk come from the same
// route table, listed here so jest can name one test per operation.
const entries: OperationEntry[] = contractOrder();

beforeAll(async () => {
  // WhatsApp is the Meta simulator: operations that call Graph (verify, profile, templates) really run.
  meta = await startMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  app = await startTestApp({
    GRAPH_API_URL: meta.url,
    RATE_LIMIT_TENANT_PER_MINUTE: '100000',
    RATE_LIMIT_API_KEY_PER_MINUTE: '100000',
  });
  owner = await signUpTenant(app.http, { workspaceName: 'Contract' });
  const number = {
    phoneNumberId: `1${Date.now()}`,
    wabaId: `2${Date.now()}`,
    accessToken: `EAAG${randomBytes(24).toString('hex')}`,
    appSecret: randomBytes(16).toString('hex'),
  };
  resources = await seedApiResources(app, owner, { channel: number });
  meta.simulator.registerPhoneNumber({
    ...number,
    displayPhoneNumber: '15550783881',
    verifiedName: 'Contract Support',
    webhookUrl: `${app.url}/webhooks/whatsapp/${resources.channelId}`,
    throughputPerSecond: 1000,
  });
  apiKey = await createApiKey(app.http, owner.token, 'Owner');
  document = (await app.http.get<OpenApiDocument>('/api/openapi.json')).body;
  validator = createDocumentValidator(document);
  ids = (name) => RESOURCE_IDS[name]?.(resources);
}, 120_000);
afterAll(async () => {
  console.log(`[api] contract outcomes (valid calls):\n${summarise(outcomes)}`);
  await app?.stop();
  await meta?.stop();
});

describe('[api] OpenAPI contract', () => {
  it('walks every operation of the served document', () => {
    const served = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(entries.map((e) => `${e.method} ${e.path}`).sort()).toEqual(served.sort());
  });

  it.each(entries.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', async (label, entry) => {
    const operation = document.paths[entry.path]![entry.method]!;
    const token =
      operation.security?.length === 0 ? undefined : operation['x-api-keys'] === false ? owner.token : apiKey;
    if (operation['x-api-keys'] === false) {
      // People only: an API key is refused before anything runs.
      const refused = await send(entry.method, validCall(entry.path, operation, ids), apiKey);
      expect({ operation: label, status: refused.status, code: refused.body?.error?.code }).toEqual({
        operation: label,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    for (const call of invalidCalls(entry.path, operation, ids)) {
      const response = await send(entry.method, call, token);
      const context = { operation: label, call: call.what, status: response.status, body: response.body };
      expect({ ...context, isClientError: response.status >= 400 && response.status < 500 }).toEqual({
        ...context,
        isClientError: true,
      });
      expect({ ...context, envelope: validator.check(['components', 'schemas', 'Error'], response.body) }).toEqual({
        ...context,
        envelope: null,
      });
      const fields = (response.body?.error?.details?.fields ?? []) as { field: string; in?: string }[];
      const named = fields.some((f) => f.field === call.field!.name || f.field.startsWith(`${call.field!.name}.`));
      expect({ ...context, namesField: named ? call.field!.name : fields }).toEqual({
        ...context,
        namesField: call.field!.name,
      });
    }
    const call = validCall(entry.path, operation, ids);
    const response = await send(entry.method, call, token);
    const status = String(response.status);
    outcomes.push(`${status} ${label}${response.status >= 400 ? ` ${response.body?.error?.code}` : ''}`);
    const context = { operation: label, path: call.path, status: response.status, body: response.body };
    expect({ ...context, documented: status in operation.responses }).toEqual({ ...context, documented: true });
    const schemaPointer = [
      'paths',
      entry.path,
      entry.method,
      'responses',
      status,
      'content',
      'application/json',
      'schema',
    ];
    const hasJsonSchema = Boolean(operation.responses[status]?.content?.['application/json']);
    if (response.status >= 400) {
      expect(validator.check(['components', 'schemas', 'Error'], response.body)).toBeNull();
    } else if (hasJsonSchema) {
      expect({ ...context, mismatch: validator.check(schemaPointer, response.body) }).toEqual({
        ...context,
        mismatch: null,
      });
    }
  });
});

async function send(method: string, call: ContractCall, token: string | undefined) {
  if (call.upload) {
    const form = new FormData();
    form.set('file', new Blob([call.upload.text], { type: call.upload.type }), call.upload.filename);
    const response = await fetch(`${app.url}${call.path}`, {
      method: method.toUpperCase(),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  return app.http.request(method.toUpperCase(), call.path, {
    ...(token ? { token } : {}),
    ...(call.body !== undefined ? { body: call.body } : {}),
    ...(call.rawBody !== undefined ? { rawBody: call.rawBody } : {}),
  });
}

function summarise(lines: string[]): string {
  const byClass = new Map<string, number>();
  for (const line of lines) {
    const key = `${line[0]}xx`;
    byClass.set(key, (byClass.get(key) ?? 0) + 1);
  }
  const totals = [...byClass].map(([k, n]) => `${k}: ${n}`).join(', ');
  return `${totals}\n${lines.filter((l) => !l.startsWith('2')).join('\n')}`;
}
