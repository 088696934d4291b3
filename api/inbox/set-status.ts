// Status changes: open (also "reopen"), pending, resolved, or snoozed until a time (a customer
// message or the snooze sweep wakes it). Resolving closes the conversation and clears its waiting
// time: the next customer message starts a new wait, not a days-old one.
import type { Prisma } from '#db/client';
import type { TenantContext } from '../context.ts';
import { emitEvent } from '../events/emit-event.ts';
import { requestRouting } from '../routing/request-routing.ts';
import {
  findConversationRef,
  findConversationRefs,
  publishUpdated,
  type ConversationRef,
} from './conversation-access.ts';
import { getConversationItem } from './get-conversation.ts';
import type { BulkStatusInput, ConversationListItem, SetStatusInput } from './schemas.ts';

export async function setConversationStatus(
  conversationId: string,
  input: SetStatusInput,
  ctx: TenantContext,
): Promise<ConversationListItem> {
  const ref = await findConversationRef(ctx, conversationId);
  await applyStatus(ctx, [ref], input);
  return getConversationItem(conversationId, ctx);
}

export async function bulkSetStatus(input: BulkStatusInput, ctx: TenantContext): Promise<{ updated: number }> {
  const refs = await findConversationRefs(ctx, input.ids);
  return { updated: await applyStatus(ctx, refs, input) };
}

async function applyStatus(ctx: TenantContext, refs: ConversationRef[], input: SetStatusInput): Promise<number> {
  const now = new Date();
  // Already in the asked state: not changed, not counted. A snooze to another time is a change.
  const changing = refs.filter((ref) =>
    input.status === 'snoozed'
      ? ref.status !== 'snoozed' || ref.snoozedUntil?.getTime() !== input.until.getTime()
      : ref.status !== input.status || ref.snoozedUntil !== null,
  );
  if (changing.length === 0) {
    return 0;
  }
  await ctx.db.conversation.updateMany({
    where: { id: { in: changing.map((ref) => ref.id) } },
    data: statusData(input, now),
  });
  for (const ref of changing) {
    publishUpdated(ctx, ref, ['status']);
    if (input.status === 'resolved') {
      void emitEvent(ctx.services, ctx.db.tenantId, 'conversation.resolved', {
        conversationId: ref.id,
        channelId: ref.channelId,
        contactId: ref.contactId,
      });
    }
  }
  // Resolving frees an agent's room, reopening may queue it: routing serves the queue (docs/routing.md).
  void requestRouting(ctx.db, ctx.services);
  return changing.length;
}

export function statusData(input: SetStatusInput, now: Date): Prisma.ConversationUpdateManyMutationInput {
  switch (input.status) {
    case 'snoozed':
      return { status: 'snoozed', snoozedUntil: input.until, closedAt: null };
    case 'resolved':
      return { status: 'resolved', snoozedUntil: null, closedAt: now, waitingSince: null };
    default:
      return { status: input.status, snoozedUntil: null, closedAt: null };
  }
}
