// The test run's customer on the Sandbox phone: created fresh for each run, and typing or tapping
// what the test gives. A text that names a button or list row of the bot's last interactive
// message is sent as a tap on it (by title or id), like a person would do.
import type { TenantContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { callSandbox, sandboxNumberOf } from '../../sandbox/sandbox-proxy.ts';
import { sandboxCustomerSchema, sandboxMessageSchema, sandboxThreadSchema } from '../../sandbox/schemas.ts';
import type { TestFlowInput } from '../session-schemas.ts';

export type TestCustomer = { waId: string; channelId: string; contactId: string };

export async function createTestCustomer(ctx: TenantContext, input: TestFlowInput): Promise<TestCustomer> {
  const channel = await ctx.db.channel.findFirst({ where: { kind: 'sandbox' }, select: { id: true } });
  if (!channel || !ctx.services.sandbox) {
    throw new AppError('CONFLICT', 'Test runs need the Sandbox number, and this workspace has none');
  }
  const { channelId } = await sandboxNumberOf(ctx);
  const customer = await callSandbox(ctx, sandboxCustomerSchema, 'POST', '/customers', { name: input.contactName });
  // Created before the first webhook, so the run's name and fields are what templates read.
  const contact = await ctx.db.contact.upsert({
    where: { tenantId_waId: { tenantId: ctx.db.tenantId, waId: customer.waId } },
    create: {
      tenantId: ctx.db.tenantId,
      waId: customer.waId,
      phone: `+${customer.waId}`,
      name: input.contactName,
      fields: input.contactFields as object,
    },
    update: { name: input.contactName, fields: input.contactFields as object },
    select: { id: true },
  });
  return { waId: customer.waId, channelId, contactId: contact.id };
}

export async function sendAsCustomer(ctx: TenantContext, waId: string, text: string): Promise<void> {
  const thread = await callSandbox(ctx, sandboxThreadSchema, 'GET', `/customers/${waId}/messages`);
  const lastFromBot = thread.data.filter((m) => m.from === 'business').at(-1);
  const optionId = lastFromBot ? optionNamed(lastFromBot.content, text) : null;
  const message =
    optionId && lastFromBot
      ? { type: 'interactive', interactive: { id: optionId }, replyTo: lastFromBot.id }
      : { type: 'text', text: { body: text } };
  await callSandbox(ctx, sandboxMessageSchema, 'POST', `/customers/${waId}/messages`, message);
}

type Option = { id: string; title: string };

function optionNamed(content: Record<string, unknown>, text: string): string | null {
  const interactive = content.interactive as
    { action?: { buttons?: Array<{ reply: Option }>; sections?: Array<{ rows: Option[] }> } } | undefined;
  const options: Option[] = [
    ...(interactive?.action?.buttons ?? []).map((b) => b.reply),
    ...(interactive?.action?.sections ?? []).flatMap((s) => s.rows),
  ];
  const wanted = text.trim().toLowerCase();
  return options.find((o) => o.title.toLowerCase() === wanted || o.id.toLowerCase() === wanted)?.id ?? null;
}
