// What each agent's browser needs to decide on an alert arrives with the live event itself: a
// customer's message says whether it began the conversation and who had it, with no fetch. How
// fast it arrives is measured by `npm run bench:inbox` (webhook to event), not here.
import { io, type Socket } from 'socket.io-client';
import { seedSandboxConversation } from '../../support/seed/sandbox-conversation.ts';
import { signUpTenant } from '../../support/seed/tenant.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

it('[notifications] message.created carries the conversation’s agent and whether it is new', async () => {
  const owner = await signUpTenant(app.http);
  const socket: Socket = io(app.url, { auth: { token: owner.token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const events: Array<{ payload: Record<string, unknown> }> = [];
  socket.on('message.created', (payload: Record<string, unknown>) => events.push({ payload }));
  // The event is pushed after the message is stored, so it may land just after the row is visible.
  const eventCount = async (n: number) => {
    const deadline = Date.now() + 5_000;
    while (events.length < n && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    const { conversationId, waId } = await seedSandboxConversation(app, owner.token, owner.tenantId);
    await eventCount(1);
    expect(events[0]?.payload).toMatchObject({
      conversationId,
      direction: 'inbound',
      assigneeUserId: null,
      conversationIsNew: true,
    });

    await app.prisma.conversation.update({
      where: { id: conversationId },
      data: { assigneeUserId: owner.session.user.id },
    });
    await app.http.post(
      `/api/sandbox/customers/${waId}/messages`,
      { type: 'text', text: { body: 'again' } },
      {
        token: owner.token,
      },
    );
    await eventCount(2);
    expect(events[1]?.payload).toMatchObject({ assigneeUserId: owner.session.user.id, conversationIsNew: false });
  } finally {
    socket.close();
  }
});
