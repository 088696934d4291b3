// The composer's toolbar: emoji, and for replies a file attachment and a voice note. Files upload
// to the media library with a progress bar, then go out as a media message.
import { useState } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { mediaKindOf } from '#api/media/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { sendMessage } from '../../../api/inbox-actions-api.ts';
import { uploadMedia } from '../../../api/inbox-extras-api.ts';
import { Icon } from '../../../components/icon.tsx';
import { useToast } from '../../../components/toast-context.ts';
import type { ComposerMode } from './composer.tsx';
import { EmojiPicker } from './emoji-picker.tsx';
import { VoiceRecorder } from './voice-recorder.tsx';

type Props = {
  mode: ComposerMode;
  conversation: ConversationDetail;
  onEmoji: (emoji: string) => void;
  onSent: () => void;
};

type Upload = { id: number; name: string; progress: number };

export function ComposerTools({ mode, conversation, onEmoji, onSent }: Props) {
  const toast = useToast();
  const [uploads, setUploads] = useState<Upload[]>([]);

  const sendFile = async (file: Blob, name: string) => {
    const kind = mediaKindOf(file.type);
    if (!kind) {
      toast.show(`WhatsApp cannot send ${file.type || 'this kind of file'}`, 'error');
      return;
    }
    const id = Date.now() + Math.random();
    setUploads((current) => [...current, { id, name, progress: 0 }]);
    const setProgress = (progress: number) =>
      setUploads((current) => current.map((u) => (u.id === id ? { ...u, progress } : u)));
    try {
      const media = await uploadMedia(file, name, setProgress);
      const part = kind === 'document' ? { id: media.id, filename: name } : { id: media.id };
      await sendMessage({
        channelId: conversation.channelId,
        to: { contactId: conversation.contact.id },
        content: { type: kind, [kind]: part } as Parameters<typeof sendMessage>[0]['content'],
        idempotencyKey: crypto.randomUUID(),
      });
      onSent();
    } catch (error) {
      toast.show(`${name}: ${errorMessage(error)}`, 'error');
    } finally {
      setUploads((current) => current.filter((u) => u.id !== id));
    }
  };

  return (
    <div className="composer-tools">
      <EmojiPicker onPick={onEmoji} />
      {mode === 'reply' && (
        <>
          <label className="icon-button" title="Attach a photo, video, audio or document">
            <Icon name="paperclip" size={17} />
            <input
              type="file"
              multiple
              aria-label="Attach files"
              className="visually-hidden"
              accept="image/jpeg,image/png,video/mp4,video/3gpp,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                for (const file of files) {
                  void sendFile(file, file.name);
                }
              }}
            />
          </label>
          <VoiceRecorder onRecorded={(blob, name) => void sendFile(blob, name)} />
        </>
      )}
      {uploads.map((upload) => (
        <span key={upload.id} className="upload-progress" role="status">
          {upload.name}
          <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />
          {Math.round(upload.progress * 100)}%
        </span>
      ))}
    </div>
  );
}
