import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('[api] conventions', () => {
  it('answers malformed JSON with 400 and names the body', async () => {
    const response = await app.http.request('POST', '/api/auth/login', { rawBody: '{"email": "a@b.c", ' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'MALFORMED_JSON', details: { fields: [{ field: 'body' }] } });
  });

  it('names invalid query parameters', async () => {
    const owner = await signUpTenant(app.http);
    const tooMany = await app.http.get('/api/audit-log?limit=101', { token: owner.token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.fields).toEqual([expect.objectContaining({ field: 'limit', in: 'query' })]);
    const badCursor = await app.http.get('/api/audit-log?cursor=definitely-not-ours', { token: owner.token });
    expect(badCursor.body.error.details.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const badId = await app.http.delete('/api/roles/123', { token: owner.token });
    expect(badId.body.error.details.fields).toEqual([expect.objectContaining({ field: 'roleId', in: 'path' })]);
  });

  it('pages through a list with cursors, without gaps or repeats', async () => {
    const owner = await signUpTenant(app.http);
    for (let i = 0; i < 12; i++) {
      await app.http.post('/api/roles', { name: `Role ${i}`, permissions: ['inbox.view'] }, { token: owner.token });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await app.http.get(`/api/roles?limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
        token: owner.token,
      });
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items.map((r: { name: string }) => r.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
  });

  it('uses one error envelope for unknown routes and missing credentials', async () => {
    const unknown = await app.http.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const anonymous = await app.http.get('/api/members');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('API key') });
    const garbage = await app.http.get('/api/members', { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
  });

  it('tags every response with a request id, keeping a caller-supplied one', async () => {
    const generated = await app.http.get('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const supplied = await app.http.get('/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(supplied.headers.get('x-request-id')).toBe('trace-123');
  });
});

describe('[api] rate limits', () => {
  it('throttles a tenant beyond its per-minute budget with 429 and Retry-After', async () => {
    const limited = await startTestApp({ RATE_LIMIT_TENANT_PER_MINUTE: '5' });
    try {
      const owner = await signUpTenant(limited.http);
      const statuses: number[] = [];
      let last: any;
      for (let i = 0; i < 7; i++) {
        last = await limited.http.get('/api/workspace', { token: owner.token });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
      const other = await signUpTenant(limited.http);
      expect((await limited.http.get('/api/workspace', { token: other.token })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('[api] documentation', () => {
  it('serves an OpenAPI 3.1 document covering every route, and a rendered reference', async () => {
    const { allRoutes } = await import('#api/routes');
    const doc = await app.http.get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const operation = doc.body.paths[route.spec.path.replace(/:(\w+)/g, '{$1}')]?.[route.spec.method];
      expect(operation).toMatchObject({ summary: route.spec.summary });
    }
    const signup = doc.body.paths['/api/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.required).toEqual([
      'name',
      'email',
      'password',
      'workspaceName',
    ]);
    expect(doc.body.paths['/api/roles/{roleId}'].patch.parameters[0]).toMatchObject({
      name: 'roleId',
      in: 'path',
      required: true,
    });

    const page = await fetch(`${app.url}/api/docs`);
    expect(await page.text()).toContain('swagger-ui');
    const asset = await fetch(`${app.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
  });
});
