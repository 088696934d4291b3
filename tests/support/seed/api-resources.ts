// Real resources of every kind a tenant-owned route takes an id for, created through the API
// (the same calls the web app makes), and the path parameter each id fills. The cross-tenant and
// OpenAPI contract suites walk every route with them: a new kind of path parameter needs one line
// in RESOURCE_IDS and, for a new resource, one line in seedApiResources.
import type { TestApp } from '../test-app.ts';
import { createApiKey, type SeededTenant } from './tenant.ts';
import { connectCloudChannel } from './channel.ts';
import { inboundWebhook, signedBody } from '../whatsapp-webhook.ts';
import { createFlow, greetingDocument } from './flow.ts';

export type Resources = {
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
  subscriptionId: string;
  deliveryId: string;
  automationId: string;
};

export const RESOURCE_IDS: Record<string, (r: Resources) => string> = {
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
  subscriptionId: (r) => r.subscriptionId,
  deliveryId: (r) => r.deliveryId,
  automationId: (r) => r.automationId,
  teamId: (r) => r.teamId,
  userId: (r) => r.ownerUserId,
  ruleId: (r) => r.ruleId,
  policyId: (r) => r.slaPolicyId,
};

/** `channel`: the number's ids and secrets, to register it with a Meta simulator too. */
export async function seedApiResources(
  app: TestApp,
  tenant: SeededTenant,
  options: { channel?: Parameters<typeof connectCloudChannel>[2] } = {},
): Promise<Resources> {
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
  const channel = await connectCloudChannel(app.http, token, options.channel);
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
  const automation = await app.http.post(
    '/api/automations',
    { name: 'A secret rule', trigger: { type: 'tag_added' }, actions: [{ type: 'add_tag', tag: 'secret' }] },
    { token },
  );
  if (automation.status !== 201) {
    throw new Error(`creating an automation rule failed: ${automation.status} ${JSON.stringify(automation.body)}`);
  }
  const webhooks = await seedWebhookDelivery(app, token);
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
    ...webhooks,
    automationId: automation.body.id,
  };
}

/** A webhook subscription (to a closed local port, one attempt) and the delivery of its test event. */
async function seedWebhookDelivery(app: TestApp, token: string) {
  const subscription = await app.http.post(
    '/api/webhook-subscriptions',
    {
      name: 'A secret hook',
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['contact.created'],
      retryPolicy: { maxAttempts: 1 },
    },
    { token },
  );
  if (subscription.status !== 201) {
    throw new Error(`creating a webhook failed: ${subscription.status} ${JSON.stringify(subscription.body)}`);
  }
  const test = await app.http.post(`/api/webhook-subscriptions/${subscription.body.id}/test`, undefined, { token });
  return { subscriptionId: subscription.body.id as string, deliveryId: test.body.deliveryId as string };
}
