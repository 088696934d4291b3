// Platform events from activities and Meta's template webhooks: a flow tagging, updating,
// handing off and closing; a flow session ending; a campaign run finishing; a template's status
// changing. Each is announced once, however often its activity is retried.
import { randomUUID } from 'node:crypto';
import { finishCampaignRun } from '#activities/campaigns/finish-run';
import type { ActivityDeps } from '#activities/deps';
import { createActivities } from '#activities/index';
import type { EventType } from '#api/events/schemas';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel, type SeededChannel } from '../../support/seed/channel.ts';
import { greetingDocument, createFlow } from '../../support/seed/flow.ts';
import { seedConversation } from '../../support/seed/inbox.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { messagesWebhook, signedBody } from '../../support/whatsapp-webhook.ts';
import { eventMatching, eventsOf, wantEvents } from './event-support.ts';

jest.setTimeout(60_000);

const ALL: EventType[] = [
  'conversation.assigned',
  'conversation.resolved',
  'contact.updated',
  'contact.tag_added',
  'flow_session.completed',
  'campaign.finished',
  'template.status_changed',
];

let app: TestApp;
let tenant: SeededTenant;
let channel: SeededChannel;
let activities: ReturnType<typeof createActivities>;

beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
  tenant = await signUpTenant(app.http);
  channel = await connectCloudChannel(app.http, tenant.token);
  await wantEvents(app, tenant.tenantId, ALL);
  const deps: ActivityDeps = { ...app.deps, prisma: app.prisma };
  activities = createActivities(deps);
});
afterAll(() => app.stop());

const conversation = () =>
  seedConversation(app.prisma, { tenantId: tenant.tenantId, channelId: channel.channelId, name: 'Edsger' });

describe('[events] flow activities', () => {
  it('tag and update_contact nodes announce the tags added and the fields changed, once', async () => {
    const { contactId } = await conversation();
    await app.prisma.customField.create({
      data: { tenantId: tenant.tenantId, key: 'tier', label: 'Tier', type: 'text' },
    });
    const input = { tenantId: tenant.tenantId, contactId, add: ['bot-lead'] };
    await activities.tagContact(input);
    await activities.tagContact(input); // a retry
    const tagged = await eventMatching(
      app.prisma,
      tenant.tenantId,
      'contact.tag_added',
      (e) => e.contact.id === contactId,
    );
    expect(tagged.tag).toBe('bot-lead');

    const update = { tenantId: tenant.tenantId, contactId, updates: [{ field: 'fields.tier', value: 'gold' }] };
    await activities.updateContact(update);
    await activities.updateContact(update);
    const updated = await eventMatching(app.prisma, tenant.tenantId, 'contact.updated', (e) =>
      e.changes.some((c) => c.attribute === 'fields.tier'),
    );
    expect(updated.changes).toEqual([{ attribute: 'fields.tier', from: null, to: 'gold' }]);
    const tags = await eventsOf(app.prisma, tenant.tenantId, 'contact.tag_added');
    expect(tags.filter((e) => e.contact.id === contactId)).toHaveLength(1);
    const updates = await eventsOf(app.prisma, tenant.tenantId, 'contact.updated');
    expect(updates.filter((e) => e.contact.id === contactId && e.changes[0]?.attribute === 'fields.tier')).toHaveLength(
      1,
    );
  });

  it('hand-off to an agent announces the assignment; close_conversation the resolution, once', async () => {
    const seeded = await conversation();
    const userId = tenant.session.user.id;
    await activities.handOffConversation({
      tenantId: tenant.tenantId,
      conversationId: seeded.id,
      target: { type: 'agent', userId },
    });
    const assigned = await eventMatching(
      app.prisma,
      tenant.tenantId,
      'conversation.assigned',
      (e) => e.conversationId === seeded.id,
    );
    expect(assigned).toEqual({
      conversationId: seeded.id,
      channelId: channel.channelId,
      contactId: seeded.contactId,
      assigneeUserId: userId,
      teamId: null,
    });
    await activities.closeConversation({ tenantId: tenant.tenantId, conversationId: seeded.id });
    await activities.closeConversation({ tenantId: tenant.tenantId, conversationId: seeded.id });
    await eventMatching(app.prisma, tenant.tenantId, 'conversation.resolved', (e) => e.conversationId === seeded.id);
    const resolved = await eventsOf(app.prisma, tenant.tenantId, 'conversation.resolved');
    expect(resolved.filter((e) => e.conversationId === seeded.id)).toHaveLength(1);
  });

  it("a session's end is announced once with its outcome; a test session's is not", async () => {
    const { contactId } = await conversation();
    const flowId = await createFlow(app.http, tenant.token, greetingDocument('Events', 'Hi'), { publish: false });
    const session = (isTest: boolean) =>
      app.prisma.flowSession.create({
        data: {
          tenantId: tenant.tenantId,
          flowId,
          channelId: channel.channelId,
          contactId,
          workflowId: `events-${randomUUID()}`,
          triggerType: isTest ? 'test' : 'api',
          isTest,
        },
      });
    const real = await session(false);
    const test = await session(true);
    for (const { id } of [real, test, real]) {
      await activities.recordFlowSteps({
        tenantId: tenant.tenantId,
        sessionId: id,
        flowId,
        events: [],
        session: { status: 'completed', currentNodeId: null },
      });
    }
    const ended = await eventMatching(
      app.prisma,
      tenant.tenantId,
      'flow_session.completed',
      (e) => e.sessionId === real.id,
    );
    expect(ended).toEqual({
      sessionId: real.id,
      flowId,
      contactId,
      channelId: channel.channelId,
      outcome: 'completed',
    });
    expect(await eventsOf(app.prisma, tenant.tenantId, 'flow_session.completed')).toHaveLength(1);
  });
});

describe('[events] campaigns and templates', () => {
  it('a finished run is announced once with its recipients counted by status', async () => {
    const campaign = await app.prisma.campaign.create({
      data: {
        tenantId: tenant.tenantId,
        channelId: channel.channelId,
        name: 'Spring sale',
        status: 'running',
        audience: {},
      },
    });
    const run = await app.prisma.campaignRun.create({
      data: {
        tenantId: tenant.tenantId,
        campaignId: campaign.id,
        workflowId: `run-${randomUUID()}`,
        status: 'sending',
      },
    });
    for (const status of ['sent', 'sent', 'failed']) {
      const { contactId } = await conversation();
      await app.prisma.campaignRecipient.create({
        data: { tenantId: tenant.tenantId, runId: run.id, contactId, status },
      });
    }
    const input = { tenantId: tenant.tenantId, runId: run.id, status: 'completed' as const, reason: null };
    await finishCampaignRun({ ...app.deps, prisma: app.prisma }, input);
    await finishCampaignRun({ ...app.deps, prisma: app.prisma }, input);
    const finished = await eventMatching(app.prisma, tenant.tenantId, 'campaign.finished', (e) => e.runId === run.id);
    expect(finished).toEqual({
      campaignId: campaign.id,
      runId: run.id,
      name: 'Spring sale',
      status: 'completed',
      counts: { sent: 2, failed: 1 },
    });
    expect(await eventsOf(app.prisma, tenant.tenantId, 'campaign.finished')).toHaveLength(1);
  });

  it("Meta's template status webhook announces the new status and the reason", async () => {
    const template = await app.prisma.messageTemplate.create({
      data: {
        tenantId: tenant.tenantId,
        channelId: channel.channelId,
        name: 'order_update',
        language: 'en_US',
        category: 'utility',
        components: [],
        status: 'pending',
        providerTemplateId: '9001',
      },
    });
    const change = (event: string, reason: string | null) =>
      messagesWebhookFor('message_template_status_update', {
        event,
        message_template_id: 9001,
        message_template_name: 'order_update',
        message_template_language: 'en_US',
        reason,
      });
    await postWebhook(change('REJECTED', 'INCORRECT_CATEGORY'));
    const changed = await eventMatching(
      app.prisma,
      tenant.tenantId,
      'template.status_changed',
      (e) => e.templateId === template.id,
    );
    expect(changed).toEqual({
      templateId: template.id,
      name: 'order_update',
      language: 'en_US',
      status: 'rejected',
      reason: 'Incorrect category',
    });
    await postWebhook(change('REJECTED', 'INCORRECT_CATEGORY')); // the same status again
    await postWebhook(change('APPROVED', null));
    await eventMatching(app.prisma, tenant.tenantId, 'template.status_changed', (e) => e.status === 'approved');
    expect(await eventsOf(app.prisma, tenant.tenantId, 'template.status_changed')).toHaveLength(2);
  });
});

function messagesWebhookFor(field: string, value: Record<string, unknown>) {
  const payload = messagesWebhook(channel.phoneNumberId, {}) as { entry: Array<{ changes: unknown[] }> };
  payload.entry[0]!.changes = [{ field, value }];
  return payload;
}

async function postWebhook(payload: unknown): Promise<void> {
  const { body, signature } = signedBody(payload, channel.appSecret);
  const response = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
  expect(response.status).toBe(200);
}
