// `POST /<PHONE_NUMBER_ID>/messages` with `status: "read"` (contract §7.5): marks the customer's
// message, and every earlier one in the chat, as read; the phone shows blue ticks.
import { markReadRequestSchema } from '#api/whatsapp/schemas';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { invalidParameter } from './graph-error.ts';
import { invalidParameterFrom } from './zod-details.ts';

export function markAsRead(ctx: SimulatorContext, number: PhoneNumberRecord, body: unknown) {
  const parsed = markReadRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw invalidParameterFrom(parsed.error);
  }
  const message = ctx.store.messages.get(parsed.data.message_id);
  if (!message || message.phoneNumberId !== number.phoneNumberId || message.direction !== 'inbound') {
    throw invalidParameter(`Param message_id: ${parsed.data.message_id} is not a message this number received`);
  }
  const thread = ctx.store.thread(number.phoneNumberId, message.waId);
  const upTo = thread.indexOf(message);
  const newlyRead = thread
    .slice(0, upTo + 1)
    .filter((m) => m.direction === 'inbound' && m.status !== 'read')
    .map((m) => {
      m.status = 'read';
      return m.id;
    });
  if (newlyRead.length > 0) {
    ctx.store.changed();
    ctx.events.emit({
      type: 'inbound-read',
      phoneNumberId: number.phoneNumberId,
      waId: message.waId,
      messageIds: newlyRead,
    });
  }
  return { success: true };
}
