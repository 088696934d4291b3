// The inside of a bubble, by message type.
import type { SandboxMessage } from '#api/sandbox/schemas';
import { ContactsContent, LocationContent } from '../../components/whatsapp/location-and-contacts.tsx';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';
import { InteractiveContent, TemplateContent } from './interactive-content.tsx';
import { MediaContent } from './media-content.tsx';
import { partOf, previewOf, reactionPartSchema } from './message-parts.ts';

export function MessageContent({ message }: { message: SandboxMessage }) {
  switch (message.type) {
    case 'text':
    case 'button':
      return <WhatsAppText text={previewOf(message)} />;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return <MediaContent message={message} />;
    case 'location':
      return <LocationContent location={message.content.location} />;
    case 'contacts':
      return <ContactsContent contacts={message.content.contacts} />;
    case 'interactive':
      return <InteractiveContent message={message} />;
    case 'template':
      return <TemplateContent message={message} />;
    case 'reaction': {
      // Shown on the message it reacts to; this only appears when that message is not in the chat.
      const emoji = partOf(message, reactionPartSchema)?.emoji;
      return <span className="bubble-placeholder">{emoji ? `Reacted ${emoji}` : 'Removed a reaction'}</span>;
    }
    case 'unsupported': {
      // What the customer did (an edit, a poll…) reaches businesses only as "unsupported".
      const kind = (message.content.unsupported as { type?: unknown } | undefined)?.type;
      const what = typeof kind === 'string' ? `an unsupported message (${kind})` : 'an unsupported message';
      return <span className="bubble-placeholder">You sent {what}: businesses can’t see its content</span>;
    }
    default:
      return <span className="bubble-placeholder">{previewOf(message)}</span>;
  }
}
