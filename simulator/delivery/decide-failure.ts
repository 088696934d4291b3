// Whether an accepted message will fail, and with what (contract §11): Meta answers 200 first
// and reports these later in a `failed` status, so they are decided at send time and replayed.
import type { SendMessageRequest } from '#api/whatsapp/schemas';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { fitsMessageType, type MediaKind } from '../media/media-rules.ts';
import { liveMedia } from '../media/store-media.ts';
import type { MessageError } from '../state/simulator-state.ts';

const DETAILS = {
  131026:
    'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number, or the recipient has not accepted our new Terms of Service and Privacy Policy.',
  131047:
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  131000: 'Message failed to send due to an unknown error.',
};

export function decideFailure(
  ctx: SimulatorContext,
  request: SendMessageRequest,
  target: { phoneNumberId: string; waId: string; windowOpen: boolean },
): MessageError | null {
  if (ctx.options.unreachableNumbers.includes(target.waId)) {
    return error(131026, 'Message undeliverable', DETAILS[131026]);
  }
  if (request.type !== 'template' && !target.windowOpen) {
    return error(131047, 'Re-engagement message', DETAILS[131047]);
  }
  if (request.type === 'reaction') {
    const reacted = ctx.store.messages.get(request.reaction.message_id);
    if (!reacted || reacted.waId !== target.waId || reacted.phoneNumberId !== target.phoneNumberId) {
      return error(
        131009,
        'Parameter value is not valid',
        'Reaction message_id does not refer to a message in this chat.',
      );
    }
  }
  const media = mediaOf(request);
  const stored = media?.id ? liveMedia(ctx, media.id) : undefined;
  if (media && stored && !fitsMessageType(stored.mimeType, media.kind)) {
    return error(131053, 'Media upload error', `Media of type ${stored.mimeType} cannot be sent as ${media.kind}.`);
  }
  if (ctx.random() < ctx.options.failureRate) {
    return ctx.random() < 0.5
      ? error(131026, 'Message undeliverable', DETAILS[131026])
      : error(131000, 'Something went wrong', DETAILS[131000]);
  }
  return null;
}

/** The media a send refers to (its own media type or an interactive media header). */
export function mediaOf(request: SendMessageRequest): { kind: MediaKind; id?: string; link?: string } | null {
  switch (request.type) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = (request as unknown as Record<string, { id?: string; link?: string }>)[request.type]!;
      return { kind: request.type, id: media.id, link: media.link };
    }
    case 'interactive': {
      const header = request.interactive.header as unknown as
        Record<string, { id?: string; link?: string }> | undefined;
      const kind = (header?.type as unknown as string | undefined) ?? 'text';
      const media = kind !== 'text' ? header?.[kind] : undefined;
      return media ? { kind: kind as MediaKind, id: media.id, link: media.link } : null;
    }
    default:
      return null;
  }
}

function error(code: number, title: string, details: string): MessageError {
  return { code, title, details };
}
