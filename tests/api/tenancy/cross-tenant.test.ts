// Every tenant-owned endpoint, called by tenant B with tenant A's ids, must answer 404 and leave
// A's data untouched. The routes come from the API's own route table, so a new endpoint is
// covered automatically; a new kind of path parameter fails this test until it gets one line in
// RESOURCE_IDS (and, if it is a new resource, one line in seedApiResources, tests/support/seed/api-resources.ts).
import type { Route } from '#api/http/define-route';
import { allRoutes } from '#api/routes';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { roleId, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { RESOURCE_IDS, seedApiResources, type Resources } from '../../support/seed/api-resources.ts';

/** Valid bodies for routes whose body has required fields (so validation does not answer first). */
const BODIES: Record<string, (b: { agentRoleId: string }) => unknown> = {
  'patch /api/members/:memberId': (b) => ({ roleId: b.agentRoleId }),
  'post /api/sandbox/customers/:waId/messages': () => ({ type: 'text', text: { body: 'not yours' } }),
  'post /api/flows/:flowId/run': () => ({ channelId: '00000000-0000-4000-8000-000000000000', phone: '+14155550100' }),
  'post /api/flows/:flowId/rollback': () => ({ version: 1 }),
  'patch /api/media/:mediaId': () => ({ filename: 'not-yours.txt' }),
  'patch /api/templates/:templateId': () => ({ category: 'marketing' }),
  'patch /api/campaigns/:campaignId': () => ({ name: 'not yours' }),
  'patch /api/webhook-subscriptions/:subscriptionId': () => ({ name: 'not yours' }),
  'put /api/automations/:automationId': () => ({
    name: 'not yours',
    trigger: { type: 'tag_added' },
    actions: [{ type: 'add_tag', tag: 'not-yours' }],
  }),
  'post /api/automations/:automationId/enabled': () => ({ isEnabled: false }),
  'post /api/contact-imports/:importId/validate': () => ({ mapping: { phone: 'phone' } }),
  'post /api/contact-imports/:importId/start': () => ({ mapping: { phone: 'phone' } }),
  'post /api/data-tables/:tableId/rows': () => ({ rows: [{ sku: 'not yours' }] }),
  'patch /api/data-tables/:tableId/rows/:rowId': () => ({ values: { sku: 'not yours' } }),
  'patch /api/canned-responses/:cannedResponseId': () => ({ title: 'not yours' }),
  'post /api/canned-responses/:cannedResponseId/render': () => ({
    conversationId: '00000000-0000-4000-8000-000000000000',
  }),
  'post /api/conversations/:conversationId/scheduled-messages': () => ({
    content: { type: 'text', text: 'not yours' },
    sendAt: new Date(Date.now() + 3_600_000).toISOString(),
  }),
  'patch /api/scheduled-messages/:scheduledMessageId': () => ({ content: { type: 'text', text: 'not yours' } }),
  'patch /api/teams/:teamId': () => ({ name: 'not yours' }),
  'post /api/teams/:teamId/members': () => ({ userId: '00000000-0000-4000-8000-000000000000' }),
  'patch /api/teams/:teamId/members/:userId': () => ({ skills: ['not-yours'] }),
  'patch /api/agent-statuses/:userId': () => ({ maxConcurrent: 1 }),
  'patch /api/routing/rules/:ruleId': () => ({ isEnabled: false }),
  'patch /api/sla-policies/:policyId': () => ({ firstResponseSeconds: 60 }),
  'post /api/conversations/:conversationId/status': () => ({ status: 'resolved' }),
  'post /api/conversations/:conversationId/priority': () => ({ priority: 'urgent' }),
  'post /api/conversations/:conversationId/tags': () => ({ tagIds: ['00000000-0000-4000-8000-000000000000'] }),
  'post /api/conversations/:conversationId/notes': () => ({ body: 'not yours' }),
  'patch /api/conversations/:conversationId/notes/:noteId': () => ({ pinned: true }),
  'post /api/conversations/:conversationId/assign': () => ({ userId: null }),
  'patch /api/inbox/tags/:tagId': () => ({ name: 'not yours' }),
  'patch /api/inbox/views/:viewId': () => ({ name: 'not yours' }),
  'patch /api/contacts/:contactId': () => ({ name: 'not yours' }),
  'patch /api/custom-fields/:fieldId': () => ({ label: 'not yours' }),
  'patch /api/contact-groups/:groupId': () => ({ name: 'not yours' }),
  'post /api/contact-groups/:groupId/members': () => ({ contactIds: ['00000000-0000-4000-8000-000000000000'] }),
  'post /api/contact-groups/:groupId/members/remove': () => ({
    contactIds: ['00000000-0000-4000-8000-000000000000'],
  }),
};

let app: TestApp;
let a: SeededTenant;
let b: SeededTenant;
let resources: Resources;

beforeAll(async () => {
  app = await startTestApp();
  a = await signUpTenant(app.http, { workspaceName: 'Tenant A' });
  b = await signUpTenant(app.http, { workspaceName: 'Tenant B' });
  resources = await seedApiResources(app, a);
});
afterAll(() => app.stop());

const tenantRoutes = allRoutes.filter((r) => r.access.kind === 'tenant');
const withParams = tenantRoutes.filter((r) => r.spec.path.includes(':'));
const lists = tenantRoutes.filter((r) => r.spec.method === 'get' && !r.spec.path.includes(':'));

function label(route: Route): string {
  return `${route.spec.method} ${route.spec.path}`;
}

describe('[tenancy] cross-tenant access', () => {
  it('has tenant-owned endpoints with ids to check', () => {
    expect(withParams.length).toBeGreaterThanOrEqual(6);
  });

  it.each(withParams.map((r) => [label(r), r] as const))(
    "%s answers 404 for another tenant's id",
    async (_label, route) => {
      const path = route.spec.path.replace(/:(\w+)/g, (_m, name: string) => {
        const id = RESOURCE_IDS[name];
        if (!id) {
          throw new Error(`Add the path parameter "${name}" to RESOURCE_IDS in this test`);
        }
        return id(resources);
      });
      const before = await snapshotOf(a);
      const body =
        BODIES[label(route)]?.({ agentRoleId: await roleId(app.http, b.token, 'Agent') }) ??
        (route.spec.body ? {} : undefined);
      const response = await app.http.request(route.spec.method.toUpperCase(), path, {
        token: b.token,
        ...(body !== undefined ? { body } : {}),
      });
      expect({
        status: response.status,
        code: response.body?.error?.code,
        path,
        message: response.body?.error?.message,
      }).toEqual({ status: 404, code: 'NOT_FOUND', path, message: expect.any(String) });
      expect(await snapshotOf(a)).toEqual(before);
    },
  );

  it.each(lists.map((r) => [label(r), r] as const))("%s shows none of another tenant's data", async (_label, route) => {
    const response = await app.http.get(route.spec.path, { token: b.token });
    expect(response.status).toBe(200);
    const text = JSON.stringify(withoutOwnProbes(route, response.body));
    for (const id of [
      ...Object.values(resources),
      a.tenantId,
      a.email,
      'a-invitee@example.com',
      'Tenant A',
      'A secret',
      'A notice',
      'A secret flow',
    ]) {
      expect(text).not.toContain(id);
    }
  });
});

async function snapshotOf(tenant: SeededTenant): Promise<unknown> {
  const where = { tenantId: tenant.tenantId };
  const select = { id: true, updatedAt: true } as const;
  return {
    roles: await app.prisma.role.findMany({ where, select, orderBy: { id: 'asc' } }),
    members: await app.prisma.membership.findMany({
      where,
      select: { id: true, roleId: true },
      orderBy: { id: 'asc' },
    }),
    invitations: await app.prisma.invitation.findMany({
      where,
      select: { id: true, revokedAt: true },
      orderBy: { id: 'asc' },
    }),
    apiKeys: await app.prisma.apiKey.findMany({ where, select: { id: true, revokedAt: true }, orderBy: { id: 'asc' } }),
    channels: await app.prisma.channel.findMany({ where, select, orderBy: { id: 'asc' } }),
    messages: await app.prisma.message.findMany({ where, select, orderBy: { id: 'asc' } }),
    flows: await app.prisma.flow.findMany({
      where,
      select: { id: true, updatedAt: true, isActive: true, activeVersionId: true },
      orderBy: { id: 'asc' },
    }),
    flowVersions: await app.prisma.flowVersion.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } }),
    flowSessions: await app.prisma.flowSession.findMany({ where, select, orderBy: { id: 'asc' } }),
    contacts: await app.prisma.contact.findMany({ where, select, orderBy: { id: 'asc' } }),
    customFields: await app.prisma.customField.findMany({ where, select, orderBy: { id: 'asc' } }),
    contactGroups: await app.prisma.contactGroup.findMany({
      where,
      select: { id: true, updatedAt: true, _count: { select: { members: true } } },
      orderBy: { id: 'asc' },
    }),
    integrations: await app.prisma.integration.findMany({
      where,
      select: { id: true, updatedAt: true, credentials: true },
      orderBy: { id: 'asc' },
    }),
    dataTables: await app.prisma.dataTable.findMany({ where, select, orderBy: { id: 'asc' } }),
    dataTableRows: await app.prisma.dataTableRow.findMany({
      where,
      select: { id: true, values: true },
      orderBy: { id: 'asc' },
    }),
    media: await app.prisma.media.findMany({ where, select, orderBy: { id: 'asc' } }),
    contactImports: await app.prisma.contactImport.findMany({ where, select, orderBy: { id: 'asc' } }),
    segments: await app.prisma.segment.findMany({ where, select, orderBy: { id: 'asc' } }),
    templates: await app.prisma.messageTemplate.findMany({ where, select, orderBy: { id: 'asc' } }),
    campaigns: await app.prisma.campaign.findMany({ where, select, orderBy: { id: 'asc' } }),
    notifications: await app.prisma.notification.findMany({
      where,
      select: { id: true, readAt: true },
      orderBy: { id: 'asc' },
    }),
  };
}

/**
 * B's request log lists B's own calls above, whose paths name A's ids: those are B's records. What
 * must hold is that every entry is B's; the paths are then left out of the search for A's data.
 */
function withoutOwnProbes(route: Route, body: { items?: Array<Record<string, unknown>> }): unknown {
  if (route.spec.path !== '/api/api-requests') {
    return body;
  }
  const items = body.items ?? [];
  expect(items.every((item) => item.actorUserId === b.session.user.id)).toBe(true);
  return items.map(({ path: _path, ...item }) => item);
}
