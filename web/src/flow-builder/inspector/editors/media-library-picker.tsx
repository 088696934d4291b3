// Choosing a send_media file from the workspace's library, or uploading one, for the node's
// `mediaId`. Images show a thumbnail; the list is filtered to the node's media type.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES, type MediaKind } from '#api/media/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { Alert } from '../../../components/alert.tsx';
import { cx } from '../../../lib/cx.ts';
import { mediaLibraryKey, useMediaLibrary } from '../../../api/media-api.ts';
import { formatSize, uploadMedia } from '../data/media-library.ts';
import { useInspector } from '../inspector-context.ts';

type MediaLibraryPickerProps = { kind: MediaKind; value: string; onChange: (mediaId: string) => void };

export function MediaLibraryPicker({ kind, value, onChange }: MediaLibraryPickerProps) {
  const inputId = useId();
  const queryClient = useQueryClient();
  const { readOnly } = useInspector();
  const library = useMediaLibrary(kind);
  const upload = useMutation({
    mutationFn: uploadMedia,
    onSuccess: async (item) => {
      onChange(item.id);
      await queryClient.invalidateQueries({ queryKey: mediaLibraryKey(kind) });
    },
  });
  const items = library.data?.items ?? [];
  return (
    <div className="inspector-library">
      <p className="field-label">Your {kind === 'audio' ? 'audio files' : `${kind}s`}</p>
      {library.isPending && <p className="inspector-note">Loading the library…</p>}
      {library.error && (
        <p className="inspector-note">The library could not be listed: {errorMessage(library.error)}</p>
      )}
      {!library.isPending && items.length === 0 && !library.error && (
        <p className="inspector-note">Nothing uploaded yet: upload a file below.</p>
      )}
      {items.length > 0 && (
        <ul className="inspector-library-list" aria-label="Media library">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={cx('inspector-library-item', item.id === value && 'is-selected')}
                aria-pressed={item.id === value}
                onClick={() => onChange(item.id)}
              >
                {item.kind === 'image' ? (
                  <img src={item.url} alt="" />
                ) : (
                  <span className="inspector-library-icon">{item.kind}</span>
                )}
                <span className="inspector-library-name">{item.filename ?? 'Untitled'}</span>
                <span className="inspector-library-size">{formatSize(item.sizeBytes)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="inspector-upload">
          <label htmlFor={inputId} className="btn btn-secondary btn-sm" aria-busy={upload.isPending || undefined}>
            {upload.isPending ? 'Uploading…' : 'Upload a file'}
          </label>
          <input
            id={inputId}
            type="file"
            className="visually-hidden"
            accept={MEDIA_MIME_TYPES[kind].join(',')}
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) {
                upload.mutate(file);
              }
            }}
          />
          <span className="inspector-limit-note">Up to {formatSize(MEDIA_MAX_BYTES[kind])}.</span>
        </div>
      )}
      {upload.error && <Alert tone="danger">{errorMessage(upload.error)}</Alert>}
    </div>
  );
}
