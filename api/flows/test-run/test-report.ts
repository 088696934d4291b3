// What the test panel shows: the chat as it happened, the nodes the session went through with
// their outcomes and timings, and the variables at the end.
import type { TenantContext } from '../../context.ts';
import type { TestRunResult } from '../session-schemas.ts';
import type { TestCustomer } from './simulated-customer.ts';
import type { Snapshot } from './watch-session.ts';

export async function testReport(
  ctx: TenantContext,
  sessionId: string,
  customer: TestCustomer,
  last: Snapshot,
  timedOut: boolean,
): Promise<TestRunResult> {
  const [messages, steps] = await Promise.all([
    ctx.db.message.findMany({
      where: { channelId: customer.channelId, contactId: customer.contactId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { direction: true, type: true, text: true, createdAt: true },
    }),
    ctx.db.flowStepEvent.findMany({
      where: { sessionId },
      orderBy: { seq: 'asc' },
      select: { nodeId: true, nodeType: true, outcome: true, enteredAt: true, durationMs: true },
    }),
  ]);
  return {
    sessionId,
    status: last.status,
    timedOut,
    transcript: messages.map((m) => ({
      from: m.direction === 'inbound' ? ('customer' as const) : ('bot' as const),
      type: m.type,
      text: m.text,
      at: m.createdAt,
    })),
    path: steps,
    variables: last.variables,
  };
}
