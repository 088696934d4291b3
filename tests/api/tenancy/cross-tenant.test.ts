// Every tenant-owned endpoint, called by tenant B with tenant A's ids, must answer 404 and leave
// A's data untouched. The routes come from the API's own route table, so a new endpoint is
// covered automatically; a new kind of path parameter fails this test until it gets one line in
// RESOURCE_IDS (and, if it is a new resource, one line in seedResources).
import type { Route } from '#api/http/define-route';
import { allRoutes } from '#api/routes';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { createApiKey, roleId, signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { inboundWebhook, signedBody } from '../../support/whatsapp-webhook.ts';
import { createFlow, greetingDocument } from '../../support/seed/flow.ts';

type Resources = {
  customRoleId: string;
  memberId: string;
  invitationId: string;
  apiKeyId: string;
  channelId: string;
  conversationId: string;
  messageId: string;
  notificationId: string;
  sandboxCustomerWaId: string;
  flowId: string;
  flowSessionId: string;
  integrationId: string;
  tableId: string;
  rowId: string;
  mediaId: string;
  cannedResponseId: string;
  scheduledMessageId: string;
  teamId: string;
  ownerUserId: string;
  ruleId: string;
  slaPolicyId: string;
  tagId: string;
  noteId: string;
  viewId: string;
  contactId: string;
  customFieldId: string;
  contactGroupId: string;
  segmentId: string;
  importId: string;
  templateId: string;
  campaignId: string;
};

const RESOURCE_IDS: Record<string, (r: Resources) => string> = {
  roleId: (r) => r.customRoleId,
  memberId: (r) => r.memberId,
  invitationId: (r) => r.invitationId,
  apiKeyId: (r) => r.apiKeyId,
  channelId: (r) => r.channelId,
  conversationId: (r) => r.conversationId,
  messageId: (r) => r.messageId,
  notificationId: (r) => r.notificationId,
  waId: (r) => r.sandboxCustomerWaId,
  flowId: (r) => r.flowId,
  version: () => '1',
  sessionId: (r) => r.flowSessionId,
  integrationId: (r) => r.integrationId,
  tableId: (r) => r.tableId,
  rowId: (r) => r.rowId,
  cannedResponseId: (r) => r.cannedResponseId,
  scheduledMessageId: (r) => r.scheduledMessageId,
  tagId: (r) => r.tagId,
  noteId: (r) => r.noteId,
  viewId: (r) => r.viewId,
  contactId: (r) => r.contactId,
  fieldId: (r) => r.customFieldId,
  groupId: (r) => r.contactGroupId,
  segmentId: (r) => r.segmentId,
  importId: (r) => r.importId,
  mediaId: (r) => r.mediaId,
  templateId: (r) => r.templateId,
  campaignId: (r) => r.campaignId,
  teamId: (r) => r.teamId,
  userId: (r) => r.ownerUserId,
  ruleId: (r) => r.ruleId,
  policyId: (r) => r.slaPolicyId,
};

/** Valid bodies for routes whose body has required fields (so validation does not answer first). */
const BODIES: Record<string, (b: { agentRoleId: string }) => unknown> = {
  'patch /api/members/:memberId': (b) => ({ roleId: b.agentRoleId }),
  'post /api/sandbox/customers/:waId/messages': () => ({ type: 'text', text: { body: 'not yours' } }),
  'post /api/flows/:flowId/run': () => ({ channelId: '00000000-0000-4000-8000-000000000000', phone: '+14155550100' }),
  'post /api/flows/:flowId/rollback': () => ({ version: 1 }),
  'patch /api/media/:mediaId': () => ({ filename: 'not-yours.txt' }),
  'patch /api/templates/:templateId': () => ({ category: 'marketing' }),
  'patch /api/campaigns/:campaignId': () => ({ name: 'not yours' }),
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
  resources = await seedResources(a);
});
afterAll(() => app.stop());

async function seedResources(tenant: SeededTenant): Promise<Resources> {
  const token = tenant.token;
  const role = await app.http.post('/api/roles', { name: 'A custom', permissions: ['inbox.view'] }, { token });
  const invitation = await app.http.post(
    '/api/invitations',
    { email: 'a-invitee@example.com', roleId: role.body.id },
    { token },
  );
  await createApiKey(app.http, token, 'Agent');
  const apiKeys = await app.http.get('/api/api-keys', { token });
  const members = await app.http.get('/api/members', { token });
  const channel = await connectCloudChannel(app.http, token);
  const inbound = inboundWebhook(channel.phoneNumberId, '16505550042', 'A customer', {
    type: 'text',
    text: { body: 'A secret' },
  });
  const { body, signature } = signedBody(inbound, channel.appSecret);
  await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
  const message = await app.prisma.message.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
  const notification = await app.prisma.notification.create({
    data: {
      tenantId: tenant.tenantId,
      userId: tenant.session.user.id,
      kind: 'test',
      title: 'A notice',
      body: 'For tenant A',
    },
  });
  const customer = await app.http.post('/api/sandbox/customers', { name: 'A sandbox customer' }, { token });
  const flowId = await createFlow(app.http, token, greetingDocument('A secret flow', 'A secret'));
  // A finished session row is enough: B must be refused before any workflow is reached.
  const session = await app.prisma.flowSession.create({
    data: {
      tenantId: tenant.tenantId,
      flowId,
      channelId: channel.channelId,
      contactId: message.contactId,
      workflowId: 'flow-session-cross-tenant',
      triggerType: 'api',
      status: 'completed',
    },
  });
  const integration = await app.http.post(
    '/api/integrations',
    {
      kind: 'ai',
      name: 'A secret AI',
      credentials: { apiKey: 'A secret api key' },
      settings: { baseUrl: 'https://ai.example.com/v1', model: 'm' },
    },
    { token },
  );
  const table = await app.http.post('/api/data-tables', { name: 'A secret table', columns: ['sku'] }, { token });
  const rows = await app.http.post(
    `/api/data-tables/${table.body.id}/rows`,
    { rows: [{ sku: 'A secret sku' }] },
    { token },
  );
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(Buffer.from('A secret document'))], { type: 'text/plain' }), 'a.txt');
  const uploaded = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const media = (await uploaded.json()) as { id: string };
  if (uploaded.status !== 201) {
    throw new Error(`uploading media failed: ${uploaded.status} ${JSON.stringify(media)}`);
  }
  const canned = await app.http.post(
    '/api/canned-responses',
    { scope: 'shared', shortcut: 'secret', title: 'A secret reply', body: 'A secret' },
    { token },
  );
  const team = await app.http.post('/api/teams', { name: 'A secret team' }, { token });
  await app.http.post(`/api/teams/${team.body.id}/members`, { userId: tenant.session.user.id }, { token });
  const rule = await app.http.post('/api/routing/rules', { name: 'A secret rule', teamId: team.body.id }, { token });
  const policy = await app.http.post('/api/sla-policies', { priority: 'high', firstResponseSeconds: 600 }, { token });
  const scheduled = await app.http.post(
    `/api/conversations/${message.conversationId}/scheduled-messages`,
    { content: { type: 'text', text: 'A secret' }, sendAt: new Date(Date.now() + 86_400_000).toISOString() },
    { token },
  );
  const tag = await app.http.post('/api/inbox/tags', { name: 'A secret tag' }, { token });
  const note = await app.http.post(
    `/api/conversations/${message.conversationId}/notes`,
    { body: 'A secret' },
    { token },
  );
  const view = await app.http.post('/api/inbox/views', { name: 'A secret view', query: { status: 'open' } }, { token });
  const field = await app.http.post(
    '/api/custom-fields',
    { key: 'secret', label: 'A secret', type: 'text' },
    { token },
  );
  const group = await app.http.post('/api/contact-groups', { name: 'A secret group' }, { token });
  await app.http.post(`/api/contact-groups/${group.body.id}/members`, { contactIds: [message.contactId] }, { token });
  const segment = await app.http.post(
    '/api/segments',
    { name: 'A secret segment', condition: { kind: 'group', op: 'and', children: [] } },
    { token },
  );
  const importForm = new FormData();
  importForm.set('file', new Blob(['phone,name\n+14155550199,A secret\n'], { type: 'text/csv' }), 'a-secret.csv');
  const contactImport = await fetch(`${app.url}/api/contact-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: importForm,
  });
  const importId = ((await contactImport.json()) as { import: { id: string } }).import.id;
  const template = await app.http.post(
    '/api/templates',
    {
      channelId: channel.channelId,
      name: 'a_secret_template',
      language: 'en',
      category: 'utility',
      definition: { body: { text: 'A secret update for your order.' } },
    },
    { token },
  );
  if (template.status !== 201) {
    throw new Error(`creating a template failed: ${template.status} ${JSON.stringify(template.body)}`);
  }
  const campaign = await app.http.post(
    '/api/campaigns',
    {
      name: 'A secret campaign',
      channelId: channel.channelId,
      audience: { allContacts: true },
      variants: [{ label: 'A', weight: 100, message: { kind: 'text', text: 'A secret offer.' } }],
    },
    { token },
  );
  if (campaign.status !== 201) {
    throw new Error(`creating a campaign failed: ${campaign.status} ${JSON.stringify(campaign.body)}`);
  }
  return {
    customRoleId: role.body.id,
    memberId: members.body.items[0].id,
    invitationId: invitation.body.id,
    apiKeyId: apiKeys.body.items[0].id,
    channelId: channel.channelId,
    conversationId: message.conversationId,
    messageId: message.id,
    notificationId: notification.id,
    sandboxCustomerWaId: customer.body.waId,
    flowId,
    flowSessionId: session.id,
    integrationId: integration.body.id,
    tableId: table.body.id,
    rowId: rows.body.items[0].id,
    mediaId: media.id,
    cannedResponseId: canned.body.id,
    scheduledMessageId: scheduled.body.id,
    teamId: team.body.id,
    ownerUserId: tenant.session.user.id,
    ruleId: rule.body.id,
    slaPolicyId: policy.body.id,
    tagId: tag.body.id,
    noteId: note.body.id,
    viewId: view.body.id,
    contactId: message.contactId,
    customFieldId: field.body.id,
    contactGroupId: group.body.id,
    segmentId: segment.body.id,
    importId,
    templateId: template.body.id,
    campaignId: campaign.body.id,
  };
}

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
    const text = JSON.stringify(response.body);
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
