// Publishing: refused with diagnostics while the draft has errors; each publish is an immutable
// version n+1 with its program, hash and optional note; rollback points back at an older version;
// the switch.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';

let app: TestApp;
let tenant: SeededTenant;
const keyword = { type: 'keyword', keywords: [{ value: 'menu', match: 'exact' }], channelIds: [], priority: 0 };

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
});
afterAll(() => app.stop());

describe('[flows] publishing and versions', () => {
  it('refuses to publish a draft with errors (422 with the diagnostics) and creates no version', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Broken', ''), { publish: false });
    const refused = await app.http.post(`/api/flows/${flowId}/publish`, undefined, { token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UNPROCESSABLE');
    expect(refused.body.error.details.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: 'hello', severity: 'error' })]),
    );
    expect(await app.prisma.flowVersion.count({ where: { flowId } })).toBe(0);
    expect((await app.http.post(`/api/flows/${flowId}/activate`, undefined, { token })).status).toBe(409);
  });

  it('publishes versions 1 and 2, keeps them immutable, and rolls back to 1', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Menu', 'Version one', keyword), {
      publish: false,
    });
    const first = await app.http.post(`/api/flows/${flowId}/publish`, undefined, { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'active', activeVersion: 1, trigger: { type: 'keyword' } });
    expect(first.body.hasUnpublishedChanges).toBe(false);

    await app.http.patch(
      `/api/flows/${flowId}`,
      { document: greetingDocument('Menu', 'Version two', keyword) },
      { token },
    );
    const edited = await app.http.get(`/api/flows/${flowId}`, { token });
    expect(edited.body.hasUnpublishedChanges).toBe(true);
    expect(edited.body.activeVersion).toBe(1);
    const second = await app.http.post(`/api/flows/${flowId}/publish`, undefined, { token });
    expect(second.body.activeVersion).toBe(2);

    const versions = await app.http.get(`/api/flows/${flowId}/versions`, { token });
    expect(versions.body.items.map((v: { version: number; isActive: boolean }) => [v.version, v.isActive])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = await app.http.get(`/api/flows/${flowId}/versions/1`, { token });
    expect(v1.body.document.nodes[1].data.text).toBe('Version one');
    expect(v1.body.program).toMatchObject({ format: 1, flowId, flowVersion: 1, hash: v1.body.hash });
    expect(v1.body.hash).not.toBe(versions.body.items[0].hash);
    expect((await app.http.get(`/api/flows/${flowId}/versions/9`, { token })).status).toBe(404);

    const rolledBack = await app.http.post(`/api/flows/${flowId}/rollback`, { version: 1 }, { token });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body.activeVersion).toBe(1);
    expect(rolledBack.body.draft.nodes[1].data.text).toBe('Version two'); // the draft is untouched
    const after = await app.http.get(`/api/flows/${flowId}/versions`, { token });
    expect(after.body.items.map((v: { version: number; isActive: boolean }) => [v.version, v.isActive])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await app.http.post(`/api/flows/${flowId}/rollback`, { version: 7 }, { token })).status).toBe(404);
    const third = await app.http.post(`/api/flows/${flowId}/publish`, undefined, { token });
    expect(third.body.activeVersion).toBe(3);
  });

  it('keeps an optional note with each version (trimmed; blank is none; over 500 characters is a 400)', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Noted', 'Hi'), { publish: false });
    const tooLong = await app.http.post(`/api/flows/${flowId}/publish`, { note: 'x'.repeat(501) }, { token });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields).toEqual([expect.objectContaining({ field: 'note', in: 'body' })]);
    expect(await app.prisma.flowVersion.count({ where: { flowId } })).toBe(0);

    const noted = await app.http.post(`/api/flows/${flowId}/publish`, { note: `  ${'y'.repeat(500)}  ` }, { token });
    expect(noted.status).toBe(200);
    expect((await app.http.post(`/api/flows/${flowId}/publish`, undefined, { token })).status).toBe(200); // no body
    expect((await app.http.post(`/api/flows/${flowId}/publish`, {}, { token })).status).toBe(200);
    expect((await app.http.post(`/api/flows/${flowId}/publish`, { note: '   ' }, { token })).status).toBe(200);
    const last = await app.http.post(`/api/flows/${flowId}/publish`, { note: 'Asks for the order first' }, { token });
    expect(last.body.activeVersion).toBe(5);

    const versions = await app.http.get(`/api/flows/${flowId}/versions`, { token });
    expect(versions.body.items.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [5, 'Asks for the order first'],
      [4, null],
      [3, null],
      [2, null],
      [1, 'y'.repeat(500)],
    ]);
    const detail = await app.http.get(`/api/flows/${flowId}/versions/5`, { token });
    expect(detail.body).toMatchObject({ version: 5, note: 'Asks for the order first', isActive: true });
    expect((await app.http.get(`/api/flows/${flowId}/versions/4`, { token })).body.note).toBeNull();
  });

  it('deactivates and activates a published flow', async () => {
    const token = tenant.token;
    const flowId = await createFlow(app.http, token, greetingDocument('Switch', 'On'));
    const off = await app.http.post(`/api/flows/${flowId}/deactivate`, undefined, { token });
    expect(off.body).toMatchObject({ status: 'inactive', activeVersion: 1 });
    expect((await app.http.get('/api/flows?status=inactive', { token })).body.items).toEqual([
      expect.objectContaining({ id: flowId }),
    ]);
    const on = await app.http.post(`/api/flows/${flowId}/activate`, undefined, { token });
    expect(on.body.status).toBe('active');
  });
});
