// The inside of a bubble, by WhatsApp message type. Anything that does not parse shows a short
// placeholder rather than breaking the thread.
import type { MessageView } from '#api/messages/schemas';
import { Icon } from '../../../components/icon.tsx';
import { partOf, stringOf, TYPE_LABELS } from './message-preview.ts';
import { ContactsContent, LocationContent } from '../../../components/whatsapp/location-and-contacts.tsx';
import { WhatsAppText } from '../../../components/whatsapp/whatsapp-text.tsx';
import { InteractiveContent, TemplateContent } from './rich-content.tsx';

export function MessageContent({ message }: { message: MessageView }) {
  const part = partOf(message);
  switch (message.type) {
    case 'text':
      return <WhatsAppText text={stringOf(part.body) ?? message.text ?? ''} />;
    case 'button':
      return <WhatsAppText text={stringOf(part.text) ?? message.text ?? 'Button'} />;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return <MediaContent message={message} part={part} />;
    case 'location':
      return <LocationContent location={part} />;
    case 'contacts':
      return <ContactsContent contacts={message.content.contacts} />;
    case 'interactive':
      return <InteractiveContent part={part} />;
    case 'template':
      return <TemplateContent part={part} text={message.text} />;
    case 'reaction':
      return <span className="bubble-placeholder">Reacted {stringOf(part.emoji) ?? '(removed)'}</span>;
    case 'unsupported':
      return (
        <span className="bubble-placeholder">A message WhatsApp cannot show to businesses (an edit, a poll…)</span>
      );
    default:
      return <span className="bubble-placeholder">{message.text ?? TYPE_LABELS[message.type] ?? message.type}</span>;
  }
}

/** Media come from the signed URL on the message; while still downloading, a placeholder says so. */
function MediaContent({ message, part }: { message: MessageView; part: Record<string, unknown> }) {
  const url = message.media?.url ?? stringOf(part.link);
  const caption = stringOf(part.caption);
  const filename = message.media?.filename ?? stringOf(part.filename);
  const label = TYPE_LABELS[message.type] ?? message.type;
  if (!url) {
    const isPending = message.media && message.media.status !== 'failed';
    return (
      <span className="bubble-placeholder">
        {label} {isPending ? '(loading…)' : 'not available'}
        {caption && <WhatsAppText text={`\n${caption}`} />}
      </span>
    );
  }
  return (
    <>
      {message.type === 'image' ? (
        <a href={url} target="_blank" rel="noreferrer" className="bubble-media">
          <img src={url} alt={caption ?? 'Photo'} loading="lazy" />
        </a>
      ) : message.type === 'sticker' ? (
        <img src={url} alt="Sticker" className="bubble-sticker" loading="lazy" />
      ) : message.type === 'video' ? (
        <video src={url} controls preload="metadata" className="bubble-media" />
      ) : message.type === 'audio' ? (
        <audio src={url} controls preload="metadata" className="bubble-audio" aria-label="Voice message" />
      ) : (
        <a href={url} className="bubble-document" download={filename ?? true}>
          <Icon name="file" size={22} />
          <span className="bubble-document-name">{filename ?? 'Document'}</span>
          <span className="bubble-document-type">{message.media?.mimeType ?? ''}</span>
        </a>
      )}
      {message.type !== 'document' && (
        <a className="bubble-download" href={url} download={filename ?? true}>
          <Icon name="download" size={13} /> Download
        </a>
      )}
      {caption && <WhatsAppText text={caption} />}
    </>
  );
}
