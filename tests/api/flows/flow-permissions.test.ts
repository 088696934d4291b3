// Flows are for roles with flows.view / flows.manage: an Agent gets 403 on every flow route,
// a Manager can do everything, and OpenAPI documents the routes.
import { allRoutes } from '#api/routes';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { inviteAndJoin } from '../../support/seed/invite.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';

let app: TestApp;
let owner: SeededTenant;
let flowId: string;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUpTenant(app.http);
  flowId = await createFlow(app.http, owner.token, greetingDocument('Guarded', 'Hi'));
});
afterAll(() => app.stop());

const flowRoutes = allRoutes.filter((r) => r.spec.path.startsWith('/api/flows'));

describe('[flows] permissions', () => {
  it('answers 403 to an Agent on every manage route, and on the view routes too', async () => {
    const agent = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', 'agent-flows@example.com');
    for (const route of flowRoutes) {
      const path = route.spec.path
        .replace(':flowId', flowId)
        .replace(':version', '1')
        .replace(':sessionId', '00000000-0000-4000-8000-000000000000');
      const response = await app.http.request(route.spec.method.toUpperCase(), path, {
        token: agent.token,
        ...(route.spec.body ? { body: {} } : {}),
      });
      expect({ route: `${route.spec.method} ${route.spec.path}`, status: response.status }).toEqual({
        route: `${route.spec.method} ${route.spec.path}`,
        status: 403,
      });
    }
    expect(await app.prisma.flow.count({ where: { tenantId: owner.tenantId } })).toBe(1);
  });

  it('lets a Manager edit and publish', async () => {
    const manager = await inviteAndJoin(app.http, app.prisma, owner.token, 'Manager', 'manager-flows@example.com');
    const id = await createFlow(app.http, manager.token, greetingDocument('By a manager', 'Hello'));
    expect((await app.http.get(`/api/flows/${id}`, { token: manager.token })).body.status).toBe('active');
  });

  it('documents every flow route in OpenAPI', async () => {
    const openapi = await app.http.get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/flows', '/api/flows/{flowId}/publish', '/api/flows/sessions/{sessionId}/cancel']),
    );
    expect(openapi.body.paths['/api/flows/{flowId}/run'].post.tags).toEqual(['Flows']);
  });
});
