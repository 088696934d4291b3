// A contact's engagement counters follow every stored message, whatever wrote it: customers writing
// in through signed webhooks, and a bulk insert of many messages at once (as a campaign batch does),
// which counts each of its rows.
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { eventually } from '../../support/eventually.ts';
import { customerWrites, routingWorkspace, waId } from '../../support/seed/routing.ts';

jest.setTimeout(60_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SANDBOX_URL: 'off' });
});
afterAll(() => app.stop());

it('[contacts] counts messages from and to the contact and keeps the latest times', async () => {
  const workspace = await routingWorkspace(app, []);
  const customer = waId();
  const conversationId = await customerWrites(app, workspace.channel, customer, 'hello');
  await customerWrites(app, workspace.channel, customer, 'are you there?');
  const contact = await eventually(
    () => app.prisma.contact.findFirst({ where: { waId: customer, messagesReceivedCount: 2 } }),
    'two messages counted',
  );
  expect(contact.lastInboundAt).not.toBeNull();
  expect(contact.messagesSentCount).toBe(0);

  const sentAt = [new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:05:00Z'), new Date('2026-12-01T10:01:00Z')];
  await app.prisma.message.createMany({
    data: sentAt.map((createdAt, index) => ({
      tenantId: contact.tenantId,
      conversationId,
      channelId: workspace.channel.channelId,
      contactId: contact.id,
      direction: 'outbound' as const,
      type: 'text',
      content: { type: 'text', text: { body: `update ${index}` } },
      status: 'sent',
      createdAt,
    })),
  });
  const after = await app.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } });
  expect(after).toMatchObject({ messagesSentCount: 3, messagesReceivedCount: 2, lastOutboundAt: sentAt[1] });
  expect(after.lastInboundAt).toEqual(contact.lastInboundAt);
});
