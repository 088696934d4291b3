// The test customer's first message, sent through the simulator like any other. It opens the
// 24-hour window (WhatsApp refuses a business's free-form message to someone who never wrote)
// and becomes the session's first input, as a trigger message would. Routing sees the test
// session's row already there and leaves the message to this runner (route-message.ts).
import type { FlowDocument } from '#flow-dsl/document';
import type { FlowInput } from '#flow-dsl/inputs';
import type { TenantContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { loadRoutedMessages } from '../routing/routed-message.ts';
import { toFlowInput } from '../routing/to-flow-input.ts';
import { sendAsCustomer, type TestCustomer } from './simulated-customer.ts';

const POLL_MS = 100;

export async function sendOpeningMessage(
  ctx: TenantContext,
  customer: TestCustomer,
  text: string,
  deadline: number,
): Promise<FlowInput> {
  await sendAsCustomer(ctx, customer.waId, text);
  while (Date.now() < deadline) {
    const stored = await ctx.db.message.findFirst({
      where: { channelId: customer.channelId, contactId: customer.contactId, direction: 'inbound' },
      select: { id: true },
    });
    const [message] = stored ? await loadRoutedMessages(ctx.db, [stored.id]) : [];
    const input = message ? toFlowInput(message) : null;
    if (input) {
      return input;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new AppError('UNAVAILABLE', "The Sandbox number did not deliver the test customer's first message in time");
}

/** The draft's first keyword (what a customer would type to start it), else a greeting. */
export function defaultOpeningText(document: FlowDocument): string {
  const trigger = document.trigger;
  const keyword = trigger.type === 'keyword' ? trigger.keywords.find((k) => k.match !== 'regex')?.value : undefined;
  return keyword?.trim() || 'Hi';
}
