// Drafts through the API: create, list with search and status, save with schema errors refused
// (naming the path) and semantic problems returned, duplicate, export and import (sticky notes
// included), delete.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';

let app: TestApp;
let tenant: SeededTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
});
afterAll(() => app.stop());

describe('[flows] drafts', () => {
  it('creates a flow as a draft with a start node alone, and lists it by name and status', async () => {
    const token = tenant.token;
    const created = await app.http.post('/api/flows', { name: 'Onboarding' }, { token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Onboarding', status: 'draft', activeVersion: null, trigger: null });
    expect(created.body.draft).toMatchObject({ schemaVersion: 2, name: 'Onboarding', trigger: { type: 'manual' } });
    expect(created.body.draft.nodes).toEqual([expect.objectContaining({ id: 'start', type: 'start' })]);

    await createFlow(app.http, token, greetingDocument('Live greeting', 'Hi!'));
    const search = await app.http.get('/api/flows?search=onboard', { token });
    expect(search.body.items.map((f: { name: string }) => f.name)).toEqual(['Onboarding']);
    const active = await app.http.get('/api/flows?status=active', { token });
    expect(active.body.items).toEqual([
      expect.objectContaining({ name: 'Live greeting', status: 'active', activeVersion: 1 }),
    ]);
    expect(active.body.items[0].lastPublishedAt).toEqual(expect.any(String));
    const drafts = await app.http.get('/api/flows?status=draft', { token });
    expect(drafts.body.items.map((f: { name: string }) => f.name)).toContain('Onboarding');
    expect((await app.http.get('/api/flows?status=archived', { token })).body.error.details.fields[0].field).toBe(
      'status',
    );
  });

  it('refuses a schema-invalid document naming the path, and saves an incomplete one with diagnostics', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Draft work', 'Hello'), { publish: false });
    const broken = greetingDocument('Draft work', 'Hello') as { nodes: Array<{ data: Record<string, unknown> }> };
    broken.nodes[1]!.data.text = 42;
    const refused = await app.http.patch(`/api/flows/${flowId}`, { document: broken }, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'document.nodes.1.data.text', in: 'body' }),
    ]);

    const incomplete = greetingDocument('Draft work', '');
    const saved = await app.http.patch(`/api/flows/${flowId}`, { document: incomplete }, { token });
    expect(saved.status).toBe(200);
    expect(saved.body.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: 'hello', severity: 'error' })]),
    );
    const validated = await app.http.post(`/api/flows/${flowId}/validate`, undefined, { token });
    expect(validated.body.diagnostics).toEqual(saved.body.diagnostics);

    const renamed = await app.http.patch(`/api/flows/${flowId}`, { name: 'Renamed' }, { token });
    expect(renamed.body).toMatchObject({ name: 'Renamed', draft: { name: 'Renamed' } });
    expect((await app.http.get(`/api/flows/${flowId}`, { token })).body.draft.nodes[1].data.text).toBe('');
  });

  it('duplicates, exports with the schemaVersion, and imports the export as a new draft', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Exported', 'Hi there'), { publish: false });
    const copy = await app.http.post(`/api/flows/${flowId}/duplicate`, undefined, { token });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Copy of Exported', status: 'draft' });
    expect(copy.body.id).not.toBe(flowId);

    const exported = await app.http.get(`/api/flows/${flowId}/export`, { token });
    expect(exported.body).toMatchObject({ schemaVersion: 2, name: 'Exported' });
    const imported = await app.http.post('/api/flows/import', { document: exported.body, name: 'Imported' }, { token });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: 'Imported', status: 'draft', migratedFrom: null });
    expect(imported.body.draft.nodes).toEqual(exported.body.nodes);
  });

  it('keeps sticky notes through save, duplicate, export and import; the published program ignores them', async () => {
    const token = tenant.token;
    const plain = greetingDocument('Annotated', 'Hi');
    const notes = [
      { id: 'n1', position: { x: 300, y: 0 }, text: 'Greets everyone', color: 'green', width: 220, height: 90 },
      { id: 'n2', position: { x: 300, y: 200 } },
    ];
    const annotated = { ...plain, notes };
    const flowId = await createFlow(app.http, token, annotated);
    const saved = await app.http.get(`/api/flows/${flowId}`, { token });
    const expected = [notes[0], { ...notes[1], text: '', color: 'yellow' }];
    expect(saved.body.draft.notes).toEqual(expected);
    expect(saved.body.diagnostics.every((d: { nodeId?: string }) => d.nodeId === 'hello')).toBe(true);

    const copy = await app.http.post(`/api/flows/${flowId}/duplicate`, undefined, { token });
    expect(copy.body.draft.notes).toEqual(expected);
    const exported = await app.http.get(`/api/flows/${flowId}/export`, { token });
    expect(exported.body.notes).toEqual(expected);
    const imported = await app.http.post('/api/flows/import', { document: exported.body }, { token });
    expect(imported.body.draft.notes).toEqual(expected);

    // The published program is the one the same flow without notes compiles to (only its flow id differs).
    const bare = await createFlow(app.http, token, plain);
    const programOf = async (id: string) => {
      const version = await app.http.get(`/api/flows/${id}/versions/1`, { token });
      const { flowId: _id, hash: _hash, ...rest } = version.body.program;
      return rest;
    };
    expect(await programOf(flowId)).toEqual(await programOf(bare));
    expect((await app.http.get(`/api/flows/${flowId}/versions/1`, { token })).body.document.notes).toEqual(expected);

    const refused = await app.http.patch(
      `/api/flows/${flowId}`,
      { document: { ...plain, notes: [{ id: 'n', position: { x: 0, y: 0 }, color: 'orange' }] } },
      { token },
    );
    expect(refused.body.error.details.fields).toEqual([expect.objectContaining({ field: 'document.notes.0.color' })]);
  });

  it('imports a schemaVersion 1 document through the migrations, and refuses garbage with 400', async () => {
    const token = tenant.token;
    const v1 = {
      schemaVersion: 1,
      name: 'Old format',
      nodes: [
        { id: 'a', type: 'send_text', position: { x: 0, y: 0 }, data: { text: 'First' } },
        { id: 'b', type: 'send_text', position: { x: 0, y: 100 }, data: { text: 'Second' } },
      ],
      edges: [{ id: 'e1', source: 'a', target: 'b' }],
    };
    const imported = await app.http.post('/api/flows/import', { document: v1 }, { token });
    expect(imported.status).toBe(201);
    expect(imported.body.migratedFrom).toBe(1);
    expect(imported.body.draft.schemaVersion).toBe(2);
    expect(imported.body.draft.nodes.filter((n: { type: string }) => n.type === 'start')).toHaveLength(1);
    expect(imported.body.draft.edges.every((e: { sourceHandle?: string }) => typeof e.sourceHandle === 'string')).toBe(
      true,
    );

    for (const garbage of ['not a flow', { schemaVersion: 99 }, { hello: 'world' }]) {
      const refused = await app.http.post('/api/flows/import', { document: garbage }, { token });
      expect({ status: refused.status, field: refused.body.error.details?.fields?.[0]?.field }).toEqual({
        status: 400,
        field: expect.stringMatching(/^document/),
      });
    }
  });

  it('deletes a flow; an unknown id is 404', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Short lived', 'Bye'));
    expect((await app.http.delete(`/api/flows/${flowId}`, { token })).status).toBe(204);
    expect((await app.http.get(`/api/flows/${flowId}`, { token })).status).toBe(404);
    expect(await app.prisma.flowVersion.count({ where: { flowId } })).toBe(0);
  });
});
