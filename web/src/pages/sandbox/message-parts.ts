// Typed views of a chat message's `content[type]` (Meta's shapes). Anything that does not parse
// renders as a placeholder rather than breaking the phone.
import { z } from 'zod';
import { listSchema, replyButtonsSchema } from '#api/whatsapp/schemas';
import type { SandboxMessage } from '#api/sandbox/schemas';

export const mediaPartSchema = z.looseObject({
  url: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  mime_type: z.string().optional(),
});
export const businessInteractiveSchema = z.discriminatedUnion('type', [replyButtonsSchema, listSchema]);
export type ListMessage = z.output<typeof listSchema>;
/** What the customer's phone sent back: a tapped reply button or list row. */
export const interactiveReplySchema = z.looseObject({
  button_reply: z.looseObject({ title: z.string() }).optional(),
  list_reply: z.looseObject({ title: z.string(), description: z.string().optional() }).optional(),
});
export const reactionPartSchema = z.looseObject({ message_id: z.string(), emoji: z.string().optional() });

export function partOf<T extends z.ZodType>(message: SandboxMessage, schema: T): z.output<T> | null {
  const parsed = schema.safeParse(message.content[message.type]);
  return parsed.success ? parsed.data : null;
}

/** One line for quotes and the customer list, like the phone's own previews. */
export function previewOf(message: SandboxMessage): string {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const part = (message.content[message.type] ?? {}) as Record<string, unknown>;
  switch (message.type) {
    case 'text':
      return text(part.body) ?? '';
    case 'template':
      return message.template?.body ?? `Template ${text(part.name) ?? ''}`;
    case 'interactive': {
      const reply = partOf(message, interactiveReplySchema);
      const body = text((part.body as Record<string, unknown> | undefined)?.text);
      return body ?? reply?.button_reply?.title ?? reply?.list_reply?.title ?? 'Interactive message';
    }
    case 'button':
      return text(part.text) ?? 'Button';
    case 'location':
      return `📍 ${text(part.name) ?? 'Location'}`;
    case 'contacts':
      return '👤 Contact card';
    default:
      return text(part.caption) ?? text(part.filename) ?? MEDIA_LABELS[message.type] ?? message.type;
  }
}

export const MEDIA_LABELS: Record<string, string> = {
  image: '📷 Photo',
  video: '🎥 Video',
  audio: '🎤 Audio',
  document: '📄 Document',
  sticker: 'Sticker',
  reaction: 'Reaction',
  unsupported: 'Unsupported message',
};
