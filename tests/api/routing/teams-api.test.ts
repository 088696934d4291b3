// The teams API: create, rename, members with skills, delete; managers only; another workspace's
// team is not found; bad input names its field; the API reference documents it.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { routingWorkspace } from '../../support/seed/routing.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
});
afterAll(() => app.stop());

describe('[routing] teams API', () => {
  it('manages a team, its members and their skills', async () => {
    const workspace = await routingWorkspace(app, ['Vic']);
    const token = workspace.owner.token;
    const [vic] = workspace.agents;
    const created = await app.http.post(
      '/api/teams',
      { name: 'Support', assignment: 'least_loaded', requiredSkills: ['English', 'english'] },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Support',
      assignment: 'least_loaded',
      requiredSkills: ['english'],
      members: [],
    });
    const teamId = created.body.id;
    const added = await app.http.post(
      `/api/teams/${teamId}/members`,
      { userId: vic!.userId, skills: ['billing'] },
      { token },
    );
    expect(added.body.members).toEqual([
      expect.objectContaining({ userId: vic!.userId, name: 'Member Agent', skills: ['billing'] }),
    ]);
    const twice = await app.http.post(`/api/teams/${teamId}/members`, { userId: vic!.userId }, { token });
    expect(twice.status).toBe(409);
    const skills = await app.http.patch(
      `/api/teams/${teamId}/members/${vic!.userId}`,
      { skills: ['billing', 'Spanish'] },
      { token },
    );
    expect(skills.body.members[0].skills).toEqual(['billing', 'spanish']);
    const renamed = await app.http.patch(`/api/teams/${teamId}`, { name: 'Customer care' }, { token });
    expect(renamed.body.name).toBe('Customer care');
    const clash = await app.http.post('/api/teams', { name: 'customer CARE' }, { token });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.fields[0].field).toBe('name');
    expect((await app.http.delete(`/api/teams/${teamId}/members/${vic!.userId}`, { token })).status).toBe(204);
    expect((await app.http.delete(`/api/teams/${teamId}`, { token })).status).toBe(204);
    expect((await app.http.get('/api/teams', { token })).body.items).toEqual([]);
  });

  it('needs teams.manage to change teams; another workspace sees none of them', async () => {
    const workspace = await routingWorkspace(app, ['Wes']);
    const other = await routingWorkspace(app, []);
    const created = await app.http.post('/api/teams', { name: 'Private' }, { token: workspace.owner.token });
    const agentTry = await app.http.post('/api/teams', { name: 'Mine' }, { token: workspace.agents[0]!.token });
    expect(agentTry.status).toBe(403);
    expect(agentTry.body.error.message).toContain('teams.manage');
    const foreign = await app.http.patch(
      `/api/teams/${created.body.id}`,
      { name: 'Taken' },
      { token: other.owner.token },
    );
    expect(foreign.status).toBe(404);
    const foreignMember = await app.http.post(
      `/api/teams/${created.body.id}/members`,
      { userId: other.owner.session.user.id },
      { token: other.owner.token },
    );
    expect(foreignMember.status).toBe(404);
    const outsider = await app.http.post(
      `/api/teams/${created.body.id}/members`,
      { userId: other.owner.session.user.id },
      { token: workspace.owner.token },
    );
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.details.fields[0].field).toBe('userId');
    const rule = await app.http.post(
      '/api/routing/rules',
      { name: 'All', teamId: created.body.id },
      { token: other.owner.token },
    );
    expect(rule.status).toBe(404);
    expect(rule.body.error.details.fields[0].field).toBe('teamId');
  });

  it('answers bad input with 400 naming the field', async () => {
    const { owner } = await routingWorkspace(app, []);
    const token = owner.token;
    const cases: Array<[string, unknown, string]> = [
      ['/api/teams', { name: '' }, 'name'],
      ['/api/teams', { name: 'A', assignment: 'random' }, 'assignment'],
      ['/api/teams', { name: 'B', requiredSkills: ['no spaces allowed'] }, 'requiredSkills.0'],
      ['/api/routing/rules', { name: 'R', teamId: 'nope' }, 'teamId'],
    ];
    for (const [path, body, field] of cases) {
      const response = await app.http.post(path, body, { token });
      expect({ path, status: response.status, field: response.body.error.details.fields[0].field }).toEqual({
        path,
        status: 400,
        field,
      });
    }
    const settings = await app.http.patch('/api/routing/settings', { autoAwaySeconds: 1 }, { token });
    expect(settings.status).toBe(400);
    expect(settings.body.error.details.fields[0].field).toBe('autoAwaySeconds');
  });

  it('is in the API reference with examples', async () => {
    const doc = await app.http.get('/api/openapi.json');
    const create = doc.body.paths['/api/teams'].post;
    expect(create.tags).toEqual(['Teams and routing']);
    expect(JSON.stringify(create)).toContain('round_robin');
    expect(doc.body.paths['/api/agent-statuses/me'].put).toBeDefined();
    expect(doc.body.paths['/api/sla-policies/{policyId}'].patch).toBeDefined();
  });
});
