// Templates through the simulator that plays WhatsApp for the Sandbox number: drafts checked by
// the rules, the review (submit → pending → approved or rejected by webhook, with the reason), later
// status and quality changes, the periodic sync importing a template created at WhatsApp directly,
// and every send path refusing a template that is not approved.
import { ensureTemplateSync, templateSyncScheduleId } from '#api/templates/sync-schedule';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';
import { seedSandboxConversation } from '../../support/seed/sandbox-conversation.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { eventsOf, wantEvents } from '../events/event-support.ts';

jest.setTimeout(120_000);

let app: TestApp;
let tenant: SeededTenant;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  channelId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
});
afterAll(() => app?.stop());

const auth = () => ({ token: tenant.token });

function draft(name: string, body = 'Hi {{1}}, your order {{2}} has shipped today.', category = 'utility') {
  return {
    channelId,
    name,
    language: 'en',
    category,
    definition: {
      header: { format: 'text', text: 'Order update' },
      body: { text: body, examples: { '1': 'Ana', '2': '#1042' } },
      footer: { text: 'Parley Test Shop' },
      buttons: [
        { type: 'quick_reply', text: 'Thanks' },
        { type: 'url', text: 'Track', url: 'https://shop.example/track/{{1}}', example: '1042' },
      ],
    },
  };
}

async function submitted(name: string, body?: string, category?: string) {
  const created = await app.http.post('/api/templates', draft(name, body, category), auth());
  expect(created.status).toBe(201);
  expect(created.body.status).toBe('draft');
  const sent = await app.http.post(`/api/templates/${created.body.id}/submit`, {}, auth());
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ status: 'pending', providerTemplateId: expect.any(String) });
  return sent.body as { id: string; providerTemplateId: string; name: string };
}

async function statusOf(id: string, wanted: string) {
  return eventually(async () => {
    const view = (await app.http.get(`/api/templates/${id}`, auth())).body;
    return view.status === wanted ? view : null;
  }, `template ${id} to be ${wanted}`);
}

async function control(path: string, body: unknown) {
  const response = await fetch(`${app.deps.sandbox!.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('[templates] drafts and the rules', () => {
  it('names the field of a bad draft, and refuses to submit an incomplete one', async () => {
    const bad = await app.http.post('/api/templates', { ...draft('x'), name: 'Order Update' }, auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'name' })]);

    const incomplete = draft('missing_sample');
    incomplete.definition.body.examples = { '1': 'Ana' } as never;
    const created = await app.http.post('/api/templates', incomplete, auth());
    expect(created.status).toBe(201);
    const refused = await app.http.post(`/api/templates/${created.body.id}/submit`, {}, auth());
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.fields).toContainEqual({
      field: 'body.examples.2',
      message: expect.stringMatching(/sample value for \{\{2\}\} is required/),
    });
    expect((await app.http.get(`/api/templates/${created.body.id}`, auth())).body.status).toBe('draft');

    const duplicate = await app.http.post('/api/templates', draft('missing_sample'), auth());
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details.fields[0].field).toBe('name');

    const checked = await app.http.post('/api/templates/validate', incomplete, auth());
    expect(checked.body).toMatchObject({ valid: false, counts: { body: { variables: ['1', '2'] } } });
  });

  it("keeps each workspace's templates to itself", async () => {
    const mine = await app.http.get('/api/templates?status=draft', auth());
    expect(mine.body.items.map((t: { name: string }) => t.name)).toContain('missing_sample');
    const stranger = await signUpTenant(app.http);
    expect((await app.http.get('/api/templates', { token: stranger.token })).body.items).toEqual([]);
    const id = mine.body.items[0].id as string;
    expect((await app.http.get(`/api/templates/${id}`, { token: stranger.token })).status).toBe(404);
  });
});

describe('[templates] the review through the simulator', () => {
  it('submit → pending → approved by webhook, each announced as template.status_changed', async () => {
    await wantEvents(app, tenant.tenantId, ['template.status_changed']);
    const template = await submitted('order_shipped');
    const approved = await statusOf(template.id, 'approved');
    expect(approved.statusChangedAt).not.toBeNull();
    expect(approved.rejectionReason).toBeNull();
    const announced = async () =>
      (await eventsOf(app.prisma, tenant.tenantId, 'template.status_changed'))
        .filter((e) => e.templateId === template.id)
        .map((e) => e.status)
        .sort();
    const statuses = await eventually(async () => ((await announced()).length === 2 ? announced() : null), 'both');
    expect(statuses).toEqual(['approved', 'pending']);
    const list = await app.http.get('/api/templates?status=approved&search=order', auth());
    expect(list.body.items.map((t: { name: string }) => t.name)).toContain('order_shipped');
  });

  it('rejected with the reason WhatsApp gives; fixed and resubmitted, approved', async () => {
    const template = await submitted('big_win', 'Hi {{1}}, results are guaranteed for order {{2}} this week.');
    const rejected = await statusOf(template.id, 'rejected');
    expect(rejected.rejectionReason).toMatch(/Invalid format.*guaranteed/);

    const promo = await submitted('promo_update', 'Hi {{1}}, get a discount on order {{2}} this week.');
    expect((await statusOf(promo.id, 'rejected')).rejectionReason).toMatch(/Promotional/);

    const fixed = await app.http.patch(
      `/api/templates/${template.id}`,
      { definition: { ...draft('big_win').definition } },
      auth(),
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.status).toBe('pending');
    await statusOf(template.id, 'approved');
  });

  it('paused, disabled and quality changes at WhatsApp reach the template', async () => {
    const template = await submitted('pause_me');
    await statusOf(template.id, 'approved');
    await control(`/templates/${template.providerTemplateId}/status`, { status: 'PAUSED' });
    await statusOf(template.id, 'paused');
    await control(`/templates/${template.providerTemplateId}/quality`, { score: 'YELLOW' });
    await eventually(
      async () => (await app.http.get(`/api/templates/${template.id}`, auth())).body.qualityScore === 'YELLOW',
      'the quality score',
    );
    await control(`/templates/${template.providerTemplateId}/status`, { status: 'DISABLED' });
    await statusOf(template.id, 'disabled');
    const edit = await app.http.patch(`/api/templates/${template.id}`, { definition: draft('x').definition }, auth());
    expect(edit.status).toBe(409);
  });

  it('the periodic sync imports a template created at WhatsApp directly, and "sync now" too', async () => {
    const channel = await app.prisma.channel.findUniqueOrThrow({ where: { id: channelId } });
    const token = app.deps.secretBox.decrypt(channel.accessToken!);
    const created = await fetch(`${app.deps.sandbox!.graphUrl}/v24.0/${channel.wabaId}/message_templates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: 'made_at_meta',
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Our winter collection is here, come and see it.' }],
      }),
    });
    expect(created.status).toBe(200);
    await ensureTemplateSync(app.deps);
    await app.deps.temporal.schedule
      .getHandle(templateSyncScheduleId(app.deps.env))
      .trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    const imported = await eventually(
      () => app.prisma.messageTemplate.findFirst({ where: { channelId, name: 'made_at_meta' } }),
      'the imported template',
    );
    expect(imported).toMatchObject({ language: 'en_US', category: 'marketing' });
    // hello_world came with the Sandbox number: "sync now" imports it too (or finds it imported).
    const synced = await app.http.post('/api/templates/sync', undefined, auth());
    expect(synced.status).toBe(200);
    const hello = await app.http.get('/api/templates?search=hello_world', auth());
    expect(hello.body.items).toEqual([expect.objectContaining({ name: 'hello_world', status: 'approved' })]);
    const view = await statusOf(imported!.id, 'approved');
    expect(view.definition.body.text).toBe('Our winter collection is here, come and see it.');
  });
});

describe('[templates] a template that is not approved is never sent', () => {
  it('is refused by the inbox send, scheduled messages and flows, naming the template', async () => {
    // Approved first, then put back in review at WhatsApp (its PENDING webhook): it stays pending.
    const template = await submitted('not_yet');
    await statusOf(template.id, 'approved');
    await control(`/templates/${template.providerTemplateId}/status`, { status: 'PENDING' });
    await statusOf(template.id, 'pending');
    const conversation = await seedSandboxConversation(app, tenant.token, tenant.tenantId, 'Refused Customer');
    const content = {
      type: 'template',
      template: {
        name: 'not_yet',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: '#1' },
            ],
          },
        ],
      },
    };

    const inbox = await app.http.post(
      '/api/messages',
      { channelId, to: { contactId: conversation.contactId }, content },
      auth(),
    );
    expect(inbox.status).toBe(422);
    expect(inbox.body.error.message).toMatch(/Template not_yet \(en\) is pending review and cannot be sent/);
    expect(inbox.body.error.details.fields[0].field).toBe('content.template.name');

    const scheduled = await app.http.post(
      `/api/conversations/${conversation.conversationId}/scheduled-messages`,
      {
        content: { type: 'template', template: { name: 'not_yet', language: 'en', bodyParameters: ['Ana', '#1'] } },
        sendAt: inSeconds(2),
      },
      auth(),
    );
    if (scheduled.status === 201) {
      const failed = await eventually(async () => {
        const view = (await app.http.get(`/api/scheduled-messages/${scheduled.body.id}`, auth())).body;
        return ['failed', 'sent'].includes(view.status) ? view : null;
      }, 'the scheduled message to settle');
      expect(failed).toMatchObject({
        status: 'failed',
        failureReason: expect.stringMatching(/not_yet \(en\) is pending/),
      });
    } else {
      expect(scheduled.status).toBe(422);
    }

    const flowId = await createFlow(app.http, tenant.token, {
      schemaVersion: 2,
      name: 'Sends a pending template',
      trigger: { type: 'manual' },
      variables: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'tpl',
          type: 'send_template',
          position: { x: 0, y: 100 },
          data: { templateName: 'not_yet', language: 'en', bodyParams: ['Ana', '#1'] },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'tpl' }],
    } as never);
    const run = await app.http.post(
      `/api/flows/${flowId}/run`,
      { channelId, contactId: conversation.contactId, replace: true },
      auth(),
    );
    expect(run.status).toBe(202);
    const session = await eventually(async () => {
      const row = await app.prisma.flowSession.findUnique({ where: { id: run.body.sessionId } });
      return row && !['running', 'waiting'].includes(row.status) ? row : null;
    }, 'the flow session to end');
    expect(session.status).toBe('failed');

    // The composer's picker offers the stored approved templates only.
    const picker = await app.http.get(`/api/channels/${channelId}/templates`, auth());
    const names = picker.body.items.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['order_shipped', 'hello_world']));
    expect(names).not.toContain('not_yet');
    const sent = await app.prisma.message.count({
      where: { conversationId: conversation.conversationId, type: 'template' },
    });
    expect(sent).toBe(0);
  });
});

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
