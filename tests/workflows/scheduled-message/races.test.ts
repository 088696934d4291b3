// Edits and cancels that arrive just as the message goes: each scheduled message ends one way only,
// either sent once (and the late edit or cancel refused with 409) or changed/cancelled (and what
// is sent matches). And a worker that stops mid-wait: its replacement still sends once.
import { scheduledMessageWorkflowId, type ScheduledMessageInput } from '#workflows/scheduled-message/messages';
import { scheduledMessageWorkflow } from '#workflows/scheduled-message/workflow';
import { eventually } from '../../support/eventually.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { startTestWorker } from '../../support/test-worker.ts';
import { inSeconds, messagesOf, phoneTexts, schedule, seedAgent, settled } from './harness.ts';

jest.setTimeout(120_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const at = (iso: string) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) - Date.now())));

it('[scheduled] a cancel racing the send: either cancelled and nothing sent, or refused and sent exactly once', async () => {
  const agent = await seedAgent(app);
  const token = agent.tenant.token;
  // Cancels aimed from just before to just after each message's time, so both outcomes happen.
  const offsets = [-400, -150, -50, 0, 50, 150, 400];
  const runs = await Promise.all(
    offsets.map(async (offset, i) => {
      const sendAt = inSeconds(3);
      const text = `race ${i}`;
      const created = await schedule(app, agent, { content: { type: 'text', text }, sendAt });
      await at(new Date(Date.parse(sendAt) + offset).toISOString());
      const cancel = await app.http.delete(`/api/scheduled-messages/${created.body.id}`, { token });
      return { id: created.body.id as string, text, cancel: cancel.status };
    }),
  );
  for (const run of runs) {
    const final = await settled(app, agent, run.id);
    const messages = await messagesOf(app, run.id);
    if (run.cancel === 200) {
      expect({ text: run.text, status: final.status, messages: messages.length }).toEqual({
        text: run.text,
        status: 'cancelled',
        messages: 0,
      });
    } else {
      expect({ text: run.text, cancel: run.cancel, status: final.status, messages: messages.length }).toEqual({
        text: run.text,
        cancel: 409,
        status: 'sent',
        messages: 1,
      });
    }
  }
  const sent = runs.filter((r) => r.cancel !== 200).map((r) => r.text);
  await eventually(async () => {
    const texts = await phoneTexts(app, agent);
    return sent.every((t) => texts.includes(t));
  }, 'every sent text on the phone');
  const texts = await phoneTexts(app, agent);
  for (const run of runs) {
    expect([run.text, texts.filter((t) => t === run.text).length]).toEqual([run.text, run.cancel === 200 ? 0 : 1]);
  }
});

it('[scheduled] an edit racing the send: what the phone gets is the edited text if the edit was accepted, else the original', async () => {
  const agent = await seedAgent(app);
  const token = agent.tenant.token;
  const offsets = [-300, -80, 0, 80, 300];
  const runs = await Promise.all(
    offsets.map(async (offset, i) => {
      const sendAt = inSeconds(3);
      const created = await schedule(app, agent, { content: { type: 'text', text: `original ${i}` }, sendAt });
      await at(new Date(Date.parse(sendAt) + offset).toISOString());
      const edit = await app.http.patch(
        `/api/scheduled-messages/${created.body.id}`,
        { content: { type: 'text', text: `edited ${i}` } },
        { token },
      );
      return { id: created.body.id as string, i, edit: edit.status };
    }),
  );
  for (const run of runs) {
    expect([run.i, (await settled(app, agent, run.id)).status]).toEqual([run.i, 'sent']);
    const [message, ...more] = await messagesOf(app, run.id);
    expect(more).toEqual([]);
    expect([run.i, run.edit, message!.text]).toEqual([
      run.i,
      run.edit,
      run.edit === 200 ? `edited ${run.i}` : `original ${run.i}`,
    ]);
  }
});

it('[scheduled] a worker stopped while the message waits: the next worker sends it once', async () => {
  const agent = await seedAgent(app);
  const first = await startTestWorker(app);
  const row = await app.prisma.scheduledMessage.create({
    data: {
      tenantId: agent.tenant.tenantId,
      conversationId: agent.conversation.conversationId,
      content: { type: 'text', text: 'Survived a restart' },
      sendAt: new Date(inSeconds(3)),
      timeZone: 'UTC',
      createdByUserId: agent.tenant.session.user.id,
    },
  });
  const input: ScheduledMessageInput = {
    tenantId: agent.tenant.tenantId,
    scheduledMessageId: row.id,
    sendAt: row.sendAt.toISOString(),
    content: { type: 'text', text: 'Survived a restart' },
  };
  const handle = await app.deps.temporal.workflow.start(scheduledMessageWorkflow, {
    taskQueue: first.taskQueue,
    workflowId: scheduledMessageWorkflowId(row.id),
    args: [input],
  });
  await eventually(async () => (await handle.describe()).historyLength > 3, 'the worker to start the wait');
  await first.stop();
  await at(new Date(row.sendAt.getTime() + 1_000).toISOString()); // its time passes with no worker
  const second = await startTestWorker(app, first.taskQueue);
  try {
    await expect(handle.result()).resolves.toMatchObject({ status: 'sent' });
  } finally {
    await second.stop();
  }
  expect(await messagesOf(app, row.id)).toHaveLength(1);
  await eventually(async () => (await phoneTexts(app, agent)).includes('Survived a restart'), 'the phone');
  expect((await phoneTexts(app, agent)).filter((t) => t === 'Survived a restart')).toHaveLength(1);
});
