// Data tables through the API: columns validated, rows only under known columns (the error names
// row and column), paginated oldest first, flows.manage to change and flows.view to read, and
// rows stored where the data_table_lookup node finds them (the activity, and a flow's test run).
import type { ActivityDeps } from '#activities/deps';
import { createLookupDataTableActivity } from '#activities/flows/lookup-data-table';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
let owner: SeededTenant;
let tableId: string;

jest.setTimeout(90_000);

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
});
afterAll(() => app.stop());

function fieldsOf(response: { body: { error: { details: { fields: Array<{ field: string }> } } } }): string[] {
  return response.body.error.details.fields.map((f) => f.field);
}

describe('[data tables] API', () => {
  it('creates, lists, gets and renames a table', async () => {
    const token = owner.token;
    const created = await app.http.post(
      '/api/data-tables',
      { name: 'Orders', columns: ['order', 'status', 'eta'] },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Orders', columns: ['order', 'status', 'eta'] });
    tableId = created.body.id;

    const list = await app.http.get('/api/data-tables', { token });
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });
    expect((await app.http.get(`/api/data-tables/${tableId}`, { token })).body).toEqual(created.body);

    const renamed = await app.http.patch(
      `/api/data-tables/${tableId}`,
      { columns: ['order', 'status', 'eta', 'colour'] },
      { token },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.columns).toEqual(['order', 'status', 'eta', 'colour']);
  });

  it('validates columns and answers 409 for a duplicate name', async () => {
    const token = owner.token;
    const cases: Array<[unknown, string]> = [
      [{ name: 'Empty', columns: [] }, 'columns'],
      [{ name: 'Blank', columns: ['a', ' '] }, 'columns.1'],
      [{ name: 'Twice', columns: ['a', 'a'] }, 'columns'],
      [{ name: 'Wide', columns: Array.from({ length: 51 }, (_, i) => `c${i}`) }, 'columns'],
      [{ columns: ['a'] }, 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await app.http.post('/api/data-tables', body, { token });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(fieldsOf(response)).toContain(field);
    }
    const duplicate = await app.http.post('/api/data-tables', { name: 'Orders', columns: ['x'] }, { token });
    expect(duplicate.status).toBe(409);
    expect(fieldsOf(duplicate)).toEqual(['name']);
  });

  it('adds rows in bulk, only under known columns, and pages through them oldest first', async () => {
    const token = owner.token;
    const unknown = await app.http.post(
      `/api/data-tables/${tableId}/rows`,
      { rows: [{ order: 'A-1' }, { order: 'A-2' }, { order: 'A-3' }, { order: 'A-4', color: 'red' }] },
      { token },
    );
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['rows.3.color']);
    const tooMany = await app.http.post(
      `/api/data-tables/${tableId}/rows`,
      { rows: Array.from({ length: 1001 }, () => ({ order: 'x' })) },
      { token },
    );
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['rows']);
    const badCell = await app.http.post(
      `/api/data-tables/${tableId}/rows`,
      { rows: [{ order: { nested: 1 } }] },
      { token },
    );
    expect(fieldsOf(badCell)).toEqual(['rows.0.order']);
    expect(await app.prisma.dataTableRow.count({ where: { tableId } })).toBe(0);

    const rows = Array.from({ length: 30 }, (_, i) => ({
      order: `A-${1000 + i}`,
      status: i % 2 ? 'shipped' : 'packing',
      eta: i,
    }));
    const added = await app.http.post(`/api/data-tables/${tableId}/rows`, { rows }, { token });
    expect(added.status).toBe(201);
    expect(added.body.items).toHaveLength(30);

    const first = await app.http.get(`/api/data-tables/${tableId}/rows?limit=20`, { token });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await app.http.get(`/api/data-tables/${tableId}/rows?limit=20&cursor=${first.body.nextCursor}`, {
      token,
    });
    expect(second.body.items).toHaveLength(10);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((r: { id: string }) => r.id)).size).toBe(30);
    expect(all.map((r: { values: { order: string } }) => r.values.order).sort()).toEqual(
      rows.map((r) => r.order).sort(),
    );
  });

  it('stores rows where the data_table_lookup node finds them, edits and deletes them', async () => {
    const token = owner.token;
    const lookup = createLookupDataTableActivity(app.deps as unknown as ActivityDeps);
    const find = (value: string) =>
      lookup({
        tenantId: owner.tenantId,
        tableId,
        column: 'order',
        value,
        resultMapping: [
          { variable: 'status', column: 'status' },
          { variable: 'eta', column: 'eta' },
          { variable: 'colour', column: 'colour' },
        ],
      });
    expect(await find('A-1003')).toEqual({ status: 'shipped', eta: 3, colour: null });
    expect(await find('Z-9')).toBeNull();

    const row = await app.prisma.dataTableRow.findFirstOrThrow({
      where: { tableId, values: { path: ['order'], equals: 'A-1003' } },
    });
    const edited = await app.http.patch(
      `/api/data-tables/${tableId}/rows/${row.id}`,
      { values: { status: 'delivered', colour: 'blue' } },
      { token },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.values).toEqual({ order: 'A-1003', status: 'delivered', eta: 3, colour: 'blue' });
    expect(await find('A-1003')).toEqual({ status: 'delivered', eta: 3, colour: 'blue' });
    const badEdit = await app.http.patch(
      `/api/data-tables/${tableId}/rows/${row.id}`,
      { values: { size: 'XL' } },
      { token },
    );
    expect(fieldsOf(badEdit)).toEqual(['values.size']);

    expect((await app.http.delete(`/api/data-tables/${tableId}/rows/${row.id}`, { token })).status).toBe(204);
    expect((await app.http.delete(`/api/data-tables/${tableId}/rows/${row.id}`, { token })).status).toBe(404);
    expect(await find('A-1003')).toBeNull();

    const actions = await app.prisma.auditLog.findMany({ where: { tenantId: owner.tenantId, targetId: tableId } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'dataTable.created',
        'dataTable.updated',
        'dataTable.rowsAdded',
        'dataTable.rowUpdated',
        'dataTable.rowDeleted',
      ]),
    );
  });

  it('is found by a flow: a data_table_lookup node in a test run answers from the table', async () => {
    const token = owner.token;
    const table = await app.http.post(
      '/api/data-tables',
      { name: 'Tracking', columns: ['order', 'status'] },
      { token },
    );
    await app.http.post(
      `/api/data-tables/${table.body.id}/rows`,
      {
        rows: [
          { order: 'T-1', status: 'out for delivery' },
          { order: 'T-2', status: 'packing' },
        ],
      },
      { token },
    );
    const document = {
      schemaVersion: 2,
      name: 'Where is my order',
      trigger: { type: 'manual' },
      variables: [
        { name: 'order_id', defaultValue: '' },
        { name: 'status', defaultValue: '' },
      ],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'lookup',
          type: 'data_table_lookup',
          position: { x: 0, y: 100 },
          data: {
            tableId: table.body.id,
            column: 'order',
            value: '{{vars.order_id}}',
            resultMapping: [{ variable: 'status', column: 'status' }],
          },
        },
        { id: 'found', type: 'send_text', position: { x: 0, y: 200 }, data: { text: 'Order is {{vars.status}}' } },
        { id: 'missing', type: 'send_text', position: { x: 200, y: 200 }, data: { text: 'No such order' } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' },
        { id: 'e2', source: 'lookup', sourceHandle: 'found', target: 'found' },
        { id: 'e3', source: 'lookup', sourceHandle: 'not_found', target: 'missing' },
      ],
    };
    const flowId = await createFlow(app.http, token, document, { publish: false });
    const result = await app.http.post(
      `/api/flows/${flowId}/test`,
      { variables: { order_id: 'T-1' }, timeoutSeconds: 30 },
      { token },
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'completed', variables: { status: 'out for delivery' } });
    expect(result.body.transcript.at(-1)).toMatchObject({ from: 'bot', text: 'Order is out for delivery' });
  });

  it('answers 403 to an Agent on every route, and deletes a table with its rows', async () => {
    const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', 'agent-tables@example.com');
    const rowPath = `/api/data-tables/${tableId}/rows/00000000-0000-4000-8000-000000000000`;
    const responses = await Promise.all([
      app.http.get('/api/data-tables', { token: agent.token }),
      app.http.post('/api/data-tables', { name: 'Mine', columns: ['a'] }, { token: agent.token }),
      app.http.get(`/api/data-tables/${tableId}`, { token: agent.token }),
      app.http.patch(`/api/data-tables/${tableId}`, { name: 'Mine' }, { token: agent.token }),
      app.http.delete(`/api/data-tables/${tableId}`, { token: agent.token }),
      app.http.get(`/api/data-tables/${tableId}/rows`, { token: agent.token }),
      app.http.post(`/api/data-tables/${tableId}/rows`, { rows: [{ order: 'x' }] }, { token: agent.token }),
      app.http.patch(rowPath, { values: { order: 'x' } }, { token: agent.token }),
      app.http.delete(rowPath, { token: agent.token }),
    ]);
    expect(responses.map((r) => r.status)).toEqual(Array(9).fill(403));

    expect((await app.http.delete(`/api/data-tables/${tableId}`, { token: owner.token })).status).toBe(204);
    expect((await app.http.get(`/api/data-tables/${tableId}`, { token: owner.token })).status).toBe(404);
    expect(await app.prisma.dataTableRow.count({ where: { tableId } })).toBe(0);
  });
});
