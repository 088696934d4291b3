// One line for a message, like WhatsApp's own previews: the conversation list and quoted replies.
import type { MessageView } from '#api/messages/schemas';

export const TYPE_LABELS: Record<string, string> = {
  image: '📷 Photo',
  video: '🎥 Video',
  audio: '🎤 Audio',
  document: '📄 Document',
  sticker: 'Sticker',
  location: '📍 Location',
  contacts: '👤 Contact card',
  interactive: 'Interactive message',
  template: 'Template',
  reaction: 'Reaction',
  button: 'Button',
  unsupported: 'Unsupported message',
};

export function lastMessagePreview(message: { text: string | null; type: string; direction: string }): string {
  const prefix = message.direction === 'outbound' ? 'You: ' : '';
  return `${prefix}${message.text || TYPE_LABELS[message.type] || message.type}`;
}

/** The part of Meta's content for the message's own type (`content.image`, `content.text`…). */
export function partOf(message: Pick<MessageView, 'type' | 'content'>): Record<string, unknown> {
  const part = message.content[message.type];
  return part && typeof part === 'object' && !Array.isArray(part) ? (part as Record<string, unknown>) : {};
}

export function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function messagePreview(message: MessageView): string {
  const part = partOf(message);
  if (message.text) {
    return message.text;
  }
  switch (message.type) {
    case 'text':
      return stringOf(part.body) ?? '';
    case 'location':
      return `📍 ${stringOf(part.name) ?? 'Location'}`;
    default:
      return stringOf(part.caption) ?? stringOf(part.filename) ?? TYPE_LABELS[message.type] ?? message.type;
  }
}
