// Upload by dropping files on the zone or choosing them; each shows its progress, and a refusal
// (a type WhatsApp does not send, too large, over the storage quota) says why.
import { useState, type DragEvent } from 'react';
import { MEDIA_KINDS, MEDIA_MIME_TYPES, MEDIA_UPLOAD_CONVERSIONS } from '#api/media/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { uploadWithProgress } from '../../api/media-api.ts';
import { Icon } from '../../components/icon.tsx';
import { useToast } from '../../components/toast-context.ts';
import { cx } from '../../lib/cx.ts';

const ACCEPT = [
  ...MEDIA_KINDS.flatMap((kind) => MEDIA_MIME_TYPES[kind]),
  ...Object.keys(MEDIA_UPLOAD_CONVERSIONS),
  '.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt',
].join(',');

type Upload = { id: number; name: string; progress: number };

export function UploadZone({ onUploaded }: { onUploaded: () => void }) {
  const toast = useToast();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [isOver, setOver] = useState(false);

  const uploadOne = async (file: File) => {
    const id = Date.now() + Math.random();
    setUploads((current) => [...current, { id, name: file.name, progress: 0 }]);
    try {
      await uploadWithProgress('/api/media', file, file.name, (progress) =>
        setUploads((current) => current.map((u) => (u.id === id ? { ...u, progress } : u))),
      );
      onUploaded();
    } catch (error) {
      toast.show(`${file.name}: ${errorMessage(error)}`, 'error');
    } finally {
      setUploads((current) => current.filter((u) => u.id !== id));
    }
  };
  const uploadAll = (files: FileList | null) => {
    for (const file of files ?? []) {
      void uploadOne(file);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    uploadAll(event.dataTransfer.files);
  };

  return (
    <div
      className={cx('media-drop', isOver && 'is-over')}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="media-drop-zone"
    >
      <Icon name="paperclip" size={20} />
      <p>
        Drop files here or{' '}
        <label className="media-choose">
          choose files
          <input
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Upload files"
            accept={ACCEPT}
            onChange={(event) => {
              uploadAll(event.target.files);
              event.target.value = '';
            }}
          />
        </label>
      </p>
      <p className="cell-muted">
        Images up to 25 MB (optimised to WhatsApp&apos;s 5 MB), video and audio up to 16 MB, documents up to 100 MB.
      </p>
      {uploads.map((upload) => (
        <div key={upload.id} className="upload-progress" role="status">
          {upload.name}
          <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />
          {Math.round(upload.progress * 100)}%
        </div>
      ))}
    </div>
  );
}
