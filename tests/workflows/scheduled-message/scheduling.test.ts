// An agent schedules messages on a conversation: sent on time through the simulator exactly once,
// moved and rewritten before they go, cancelled, and failed (with the agent told) when WhatsApp's
// 24-hour window has closed by then. Real delays of a few seconds, real Temporal, real simulator.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import { inSeconds, messagesOf, phoneTexts, schedule, scheduled, seedAgent, settled } from './harness.ts';

jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

it('[scheduled] a text goes out at its time, once, and the list shows it sent with its message', async () => {
  const agent = await seedAgent(app);
  const sendAt = inSeconds(3);
  const created = await schedule(app, agent, { content: { type: 'text', text: 'Your order ships today' }, sendAt });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ status: 'scheduled', sendAt, messageId: null, timeZone: 'UTC' });

  const done = await settled(app, agent, created.body.id);
  expect(done.status).toBe('sent');
  const [message, ...others] = await messagesOf(app, created.body.id);
  expect(others).toEqual([]);
  expect(done.messageId).toBe(message!.id);
  // Queued at its time, not before. (sentAt can read up to a second earlier: WhatsApp's status
  // webhooks carry whole seconds, and the earliest time reported is kept.)
  expect(message!.createdAt.getTime() - Date.parse(sendAt)).toBeGreaterThanOrEqual(0);
  expect(message!.sentAt!.getTime() - Date.parse(sendAt)).toBeLessThan(60_000);
  await eventually(async () => (await phoneTexts(app, agent)).includes('Your order ships today'), 'the phone');
  expect((await phoneTexts(app, agent)).filter((t) => t === 'Your order ships today')).toHaveLength(1);

  const list = await app.http.get(`/api/conversations/${agent.conversation.conversationId}/scheduled-messages`, {
    token: agent.tenant.token,
  });
  expect(list.body.items).toEqual([
    expect.objectContaining({ id: created.body.id, status: 'sent', messageId: message!.id }),
  ]);
  const late = await app.http.patch(
    `/api/scheduled-messages/${created.body.id}`,
    { content: { type: 'text', text: 'x' } },
    {
      token: agent.tenant.token,
    },
  );
  expect(late.status).toBe(409);
  expect(late.body.error.message).toMatch(/already sent/);
});

it('[scheduled] a local time is read in the contact’s time zone, else the workspace’s; bad times name the field', async () => {
  const agent = await seedAgent(app);
  await app.prisma.contact.update({ where: { id: agent.conversation.contactId }, data: { timeZone: 'Asia/Kolkata' } });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const local = await schedule(app, agent, {
    content: { type: 'text', text: 'Morning!' },
    localTime: `${tomorrow}T09:00`,
  });
  expect(local.status).toBe(201);
  expect(local.body).toMatchObject({ timeZone: 'Asia/Kolkata', sendAt: `${tomorrow}T03:30:00.000Z` });
  const paris = await schedule(app, agent, {
    content: { type: 'text', text: 'Bonjour' },
    localTime: `${tomorrow}T09:00`,
    timeZone: 'Europe/Paris',
  });
  expect(paris.body.timeZone).toBe('Europe/Paris');

  const past = await schedule(app, agent, { content: { type: 'text', text: 'x' }, sendAt: inSeconds(-60) });
  expect(past.status).toBe(400);
  expect(past.body.error.details.fields[0].field).toBe('sendAt');
  const far = await schedule(app, agent, { content: { type: 'text', text: 'x' }, sendAt: inSeconds(31 * 86_400) });
  expect(far.body.error.details.fields[0]).toMatchObject({
    field: 'sendAt',
    message: expect.stringMatching(/30 days/),
  });
  const badZone = await schedule(app, agent, {
    content: { type: 'text', text: 'x' },
    localTime: `${tomorrow}T09:00`,
    timeZone: 'Mars/Base',
  });
  expect(badZone.status).toBe(400);
  expect(badZone.body.error.details.fields[0].field).toBe('timeZone');
  for (const id of [local.body.id, paris.body.id]) {
    expect((await app.http.delete(`/api/scheduled-messages/${id}`, { token: agent.tenant.token })).status).toBe(200);
  }
});

it('[scheduled] an edit moves the time and changes the text; a cancel means nothing is sent', async () => {
  const agent = await seedAgent(app);
  const token = agent.tenant.token;
  const moved = await schedule(app, agent, { content: { type: 'text', text: 'First draft' }, sendAt: inSeconds(600) });
  const cancelled = await schedule(app, agent, { content: { type: 'text', text: 'Never sent' }, sendAt: inSeconds(4) });

  const edited = await app.http.patch(
    `/api/scheduled-messages/${moved.body.id}`,
    { content: { type: 'text', text: 'Final text' }, sendAt: inSeconds(3) },
    { token },
  );
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ status: 'scheduled', content: { type: 'text', text: 'Final text' } });
  const cancel = await app.http.delete(`/api/scheduled-messages/${cancelled.body.id}`, { token });
  expect(cancel.status).toBe(200);
  expect(cancel.body.status).toBe('cancelled');
  expect((await app.http.delete(`/api/scheduled-messages/${cancelled.body.id}`, { token })).status).toBe(409);

  expect((await settled(app, agent, moved.body.id)).status).toBe('sent');
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // past the cancelled one's time
  expect((await scheduled(app, agent, cancelled.body.id)).status).toBe('cancelled');
  expect(await messagesOf(app, cancelled.body.id)).toEqual([]);
  await eventually(async () => (await phoneTexts(app, agent)).includes('Final text'), 'the edited text on the phone');
  expect(await phoneTexts(app, agent)).not.toContain('First draft');
  expect(await phoneTexts(app, agent)).not.toContain('Never sent');
});

it('[scheduled] outside the 24-hour window a text fails with the reason and the agent is notified; a template still goes', async () => {
  const agent = await seedAgent(app);
  await app.prisma.conversation.update({
    where: { id: agent.conversation.conversationId },
    data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) },
  });
  const text = await schedule(app, agent, { content: { type: 'text', text: 'Too late' }, sendAt: inSeconds(2) });
  const template = await schedule(app, agent, {
    content: { type: 'template', template: { name: 'hello_world', language: 'en_US' } },
    sendAt: inSeconds(2),
  });
  const failed = await settled(app, agent, text.body.id);
  expect(failed).toMatchObject({ status: 'failed', messageId: null, failureReason: expect.stringMatching(/24-hour/) });
  const notes = await app.http.get('/api/notifications', { token: agent.tenant.token });
  expect(notes.body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'scheduled_message.failed',
        body: expect.stringMatching(/24-hour/),
        link: `/inbox/${agent.conversation.conversationId}`,
      }),
    ]),
  );
  expect((await settled(app, agent, template.body.id)).status).toBe('sent');
  await eventually(async () => (await phoneTexts(app, agent)).some((t) => t.startsWith('[template]')), 'the template');
  expect(await phoneTexts(app, agent)).not.toContain('Too late');
});
