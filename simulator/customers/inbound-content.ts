// The type-specific part of an inbound webhook message (contract §4) from what the customer did
// on the phone: uploads become media ids, taps become button/list replies of the quoted message.
import type { SimulatorContext } from '../core/simulator-context.ts';
import { baseMimeType, mediaProblem } from '../media/media-rules.ts';
import { storeMedia } from '../media/store-media.ts';
import type { MessageRecord, PhoneNumberRecord } from '../state/simulator-state.ts';
import { ControlError } from './control-error.ts';
import type { CustomerMessageRequest } from './control-schemas.ts';

type Content = Record<string, unknown> & { type: string };
type Upload = { data: string; mimeType: string; filename?: string; caption?: string };

export async function inboundContent(
  ctx: SimulatorContext,
  number: PhoneNumberRecord,
  request: CustomerMessageRequest,
  quoted: MessageRecord | null,
): Promise<Content> {
  switch (request.type) {
    case 'text':
      return { type: 'text', text: { body: request.text.body } };
    case 'image':
    case 'video':
      return { type: request.type, [request.type]: await media(ctx, number, upload(request), ['caption']) };
    case 'document':
      return { type: 'document', document: await media(ctx, number, request.document, ['caption', 'filename']) };
    case 'audio':
      return {
        type: 'audio',
        audio: { ...(await media(ctx, number, request.audio, [])), voice: Boolean(request.audio.voice) },
      };
    case 'sticker':
      return {
        type: 'sticker',
        sticker: { ...(await media(ctx, number, request.sticker, [])), animated: Boolean(request.sticker.animated) },
      };
    case 'location':
      return { type: 'location', location: request.location };
    case 'contacts':
      return { type: 'contacts', contacts: request.contacts };
    case 'interactive':
      return { type: 'interactive', interactive: interactiveReply(quoted, request.interactive.id) };
    case 'button':
      return { type: 'button', button: quickReply(quoted, request.button.text) };
    case 'reaction':
      return { type: 'reaction', reaction: request.reaction };
    case 'unsupported':
      return {
        type: 'unsupported',
        unsupported: { type: request.unsupported.type },
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
      };
  }
}

function upload(request: Extract<CustomerMessageRequest, { type: 'image' | 'video' }>): Upload {
  return request.type === 'image' ? request.image : request.video;
}

async function media(
  ctx: SimulatorContext,
  number: PhoneNumberRecord,
  file: Upload,
  keep: Array<'caption' | 'filename'>,
) {
  const bytes = Buffer.from(file.data, 'base64');
  const problem = mediaProblem(file.mimeType, bytes);
  if (problem) {
    throw ControlError.invalid('media', problem);
  }
  const filename = file.filename ?? null;
  const stored = await storeMedia(ctx, {
    phoneNumberId: number.phoneNumberId,
    mimeType: file.mimeType,
    bytes,
    filename,
    origin: 'customer',
  });
  return {
    ...(keep.includes('caption') && file.caption ? { caption: file.caption } : {}),
    ...(keep.includes('filename') ? { filename: filename ?? `file.${baseMimeType(file.mimeType).split('/')[1]}` } : {}),
    mime_type: file.mimeType,
    sha256: stored.sha256,
    id: stored.id,
  };
}

/** A reply to a business `button`/`list` message; only ids that message offered are allowed. */
function interactiveReply(quoted: MessageRecord | null, id: string) {
  const interactive = quoted?.direction === 'outbound' ? (quoted.content.interactive as InteractiveSent) : undefined;
  if (interactive?.type === 'button') {
    const reply = interactive.action.buttons?.find((b) => b.reply.id === id)?.reply;
    if (reply) {
      return { type: 'button_reply', button_reply: { id: reply.id, title: reply.title } };
    }
  } else if (interactive?.type === 'list') {
    const row = interactive.action.sections?.flatMap((s) => s.rows).find((r) => r.id === id);
    if (row) {
      return {
        type: 'list_reply',
        list_reply: { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) },
      };
    }
  }
  throw ControlError.invalid('interactive.id', `the quoted message did not offer the option "${id}"`);
}

/** A tap on a template quick-reply button: the payload the business attached, else the label. */
function quickReply(quoted: MessageRecord | null, text: string) {
  const button = quoted?.template?.buttons.find((b) => b.type === 'QUICK_REPLY' && b.text === text);
  if (!button) {
    throw ControlError.invalid('button.text', `the quoted message has no quick-reply button "${text}"`);
  }
  return { payload: button.payload ?? button.text, text: button.text };
}

type InteractiveSent = {
  type: string;
  action: {
    buttons?: Array<{ reply: { id: string; title: string } }>;
    sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }>;
  };
};
