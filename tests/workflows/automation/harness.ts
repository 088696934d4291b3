// A workspace with its Sandbox number, rules created through the API, and simulated customers
// writing to it through the real webhook pipeline, for the automation workflow tests.
import type { AutomationRun } from '#api/automations/schemas';
import { eventually } from '../../support/eventually.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import type { TestApp } from '../../support/test-app.ts';

export type Workspace = { owner: SeededTenant; channelId: string };

export async function seedWorkspace(app: TestApp): Promise<Workspace> {
  const owner = await signUpTenant(app.http);
  const channel = await app.prisma.channel.findFirstOrThrow({
    where: { tenantId: owner.tenantId, kind: 'sandbox' },
    select: { id: true },
  });
  return { owner, channelId: channel.id };
}

export async function createRule(app: TestApp, ws: Workspace, rule: Record<string, unknown>): Promise<string> {
  const created = await app.http.post('/api/automations', rule, { token: ws.owner.token });
  if (created.status !== 201) {
    throw new Error(`creating the rule failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body.id;
}

/** A new simulated customer; returns their WhatsApp id. */
export async function newCustomer(app: TestApp, ws: Workspace, name: string): Promise<string> {
  const customer = await app.http.post('/api/sandbox/customers', { name }, { token: ws.owner.token });
  if (customer.status !== 201 && customer.status !== 200) {
    throw new Error(`sandbox customer failed: ${customer.status} ${JSON.stringify(customer.body)}`);
  }
  return customer.body.waId;
}

/** The customer writes `text` to the Sandbox number (simulator → webhook → ingestion). */
export async function customerWrites(app: TestApp, ws: Workspace, waId: string, text: string): Promise<void> {
  const sent = await app.http.post(
    `/api/sandbox/customers/${waId}/messages`,
    { type: 'text', text: { body: text } },
    { token: ws.owner.token },
  );
  if (sent.status >= 300) {
    throw new Error(`customer message failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  }
}

export async function contactOf(app: TestApp, ws: Workspace, waId: string) {
  return eventually(
    () =>
      app.prisma.contact.findFirst({ where: { tenantId: ws.owner.tenantId, waId }, select: { id: true, tags: true } }),
    `the contact ${waId}`,
  );
}

/** The rule's runs as the run log shows them, newest first. */
export async function runsOf(app: TestApp, ws: Workspace, ruleId: string): Promise<AutomationRun[]> {
  const page = await app.http.get(`/api/automations/${ruleId}/runs?limit=100`, { token: ws.owner.token });
  return page.body.items;
}

/** Waits for the rule's first finished run (any status but running). */
export async function finishedRun(app: TestApp, ws: Workspace, ruleId: string, count = 1): Promise<AutomationRun[]> {
  return eventually(async () => {
    const runs = (await runsOf(app, ws, ruleId)).filter((run) => run.status !== 'running');
    return runs.length >= count ? runs : null;
  }, `${count} finished run(s) of rule ${ruleId}`);
}

/** Outbound messages to the contact whose text contains `text`, once sent or further. */
export async function sentTo(app: TestApp, ws: Workspace, contactId: string, text: string) {
  return app.prisma.message.findMany({
    where: {
      tenantId: ws.owner.tenantId,
      contactId,
      direction: 'outbound',
      text: { contains: text },
      status: { in: ['sent', 'delivered', 'read'] },
    },
    select: { id: true, text: true },
  });
}
