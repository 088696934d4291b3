// Shared by the scheduled-message tests: a workspace with a Sandbox customer who wrote (window
// open), scheduling through the API, and what the customer's phone (the simulator) received.
import { eventually } from '../../support/eventually.ts';
import { seedSandboxConversation, type SandboxConversation } from '../../support/seed/sandbox-conversation.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import type { TestApp } from '../../support/test-app.ts';

export type Agent = { tenant: SeededTenant; conversation: SandboxConversation };

export async function seedAgent(app: TestApp): Promise<Agent> {
  const tenant = await signUpTenant(app.http);
  const conversation = await seedSandboxConversation(app, tenant.token, tenant.tenantId);
  return { tenant, conversation };
}

export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

export async function schedule(app: TestApp, agent: Agent, body: Record<string, unknown>) {
  return app.http.post(`/api/conversations/${agent.conversation.conversationId}/scheduled-messages`, body, {
    token: agent.tenant.token,
  });
}

export async function scheduled(app: TestApp, agent: Agent, id: string) {
  return (await app.http.get(`/api/scheduled-messages/${id}`, { token: agent.tenant.token })).body;
}

export async function settled(app: TestApp, agent: Agent, id: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const view = await scheduled(app, agent, id);
      return ['sent', 'failed', 'cancelled'].includes(view.status) ? view : null;
    },
    `scheduled message ${id} to be sent, failed or cancelled`,
    timeoutMs,
  );
}

/** Texts the business sent, as the customer's phone shows them (oldest first). */
export async function phoneTexts(app: TestApp, agent: Agent): Promise<string[]> {
  const thread = await app.http.get(`/api/sandbox/customers/${agent.conversation.waId}/messages`, {
    token: agent.tenant.token,
  });
  return (thread.body.data as Array<{ from: string; type: string; content: Record<string, any>; template: any }>)
    .filter((m) => m.from === 'business')
    .map((m) => (m.type === 'template' ? `[template] ${m.template?.body ?? ''}` : m.content.text?.body));
}

/** Outbound Message rows a scheduled message produced (its idempotency key). */
export async function messagesOf(app: TestApp, scheduledMessageId: string) {
  return app.prisma.message.findMany({ where: { idempotencyKey: `scheduled:${scheduledMessageId}` } });
}
