// A simulated customer who wrote to the workspace's Sandbox number, so there is a conversation
// with an open 24-hour window, as an agent would find it in the inbox.
import { eventually } from '../eventually.ts';
import type { TestApp } from '../test-app.ts';

export type SandboxConversation = { conversationId: string; contactId: string; channelId: string; waId: string };

export async function seedSandboxConversation(
  app: TestApp,
  token: string,
  tenantId: string,
  name = 'Ana Customer',
): Promise<SandboxConversation> {
  const customer = await app.http.post('/api/sandbox/customers', { name }, { token });
  if (customer.status !== 201 && customer.status !== 200) {
    throw new Error(`sandbox customer failed: ${customer.status} ${JSON.stringify(customer.body)}`);
  }
  const waId: string = customer.body.waId;
  await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hi' } }, { token });
  const conversation = await eventually(
    () =>
      app.prisma.conversation.findFirst({
        where: { tenantId, contact: { waId }, lastInboundAt: { not: null } },
        select: { id: true, contactId: true, channelId: true },
      }),
    'the customer’s open conversation',
  );
  return {
    conversationId: conversation.id,
    contactId: conversation.contactId,
    channelId: conversation.channelId,
    waId,
  };
}
