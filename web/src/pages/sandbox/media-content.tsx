// Photos, videos, voice notes, documents and stickers, loaded from the signed URLs in the thread.
import type { SandboxMessage } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';
import { mediaPartSchema, partOf } from './message-parts.ts';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';

export function MediaContent({ message }: { message: SandboxMessage }) {
  const media = partOf(message, mediaPartSchema);
  const url = media?.url;
  const caption = media?.caption;
  return (
    <>
      {!url ? (
        <span className="bubble-placeholder">{message.type} is not available</span>
      ) : message.type === 'image' ? (
        <a href={url} target="_blank" rel="noreferrer" className="bubble-media">
          <img src={url} alt={caption ?? 'Photo'} />
        </a>
      ) : message.type === 'sticker' ? (
        <img src={url} alt="Sticker" className="bubble-sticker" />
      ) : message.type === 'video' ? (
        <video src={url} controls preload="metadata" className="bubble-media" />
      ) : message.type === 'audio' ? (
        <audio src={url} controls preload="metadata" className="bubble-audio" />
      ) : (
        <a href={url} target="_blank" rel="noreferrer" className="bubble-document" download={media.filename}>
          <Icon name="file" size={22} />
          <span className="bubble-document-name">{media.filename ?? 'Document'}</span>
          <span className="bubble-document-type">{media.mime_type ?? ''}</span>
        </a>
      )}
      {caption && <WhatsAppText text={caption} />}
    </>
  );
}
