// Drop a CSV or Excel file here (or pick one): it is uploaded with a progress bar and the import's
// mapping page opens with its preview. The server's reason shows when it refuses the file.
import { useRef, useState, type DragEvent } from 'react';
import type { ImportPreview } from '#api/contact-imports/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { uploadContactImport } from '../../api/contact-imports-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Icon } from '../../components/icon.tsx';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function UploadDropzone({ onUploaded }: { onUploaded: (preview: ImportPreview) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = (file: File | undefined) => {
    if (!file || progress !== null) {
      return;
    }
    setError(null);
    setProgress(0);
    uploadContactImport(file, setProgress).then(onUploaded, (failure: unknown) => {
      setError(failure);
      setProgress(null);
    });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <div className="import-upload">
      <div
        className={isOver ? 'import-dropzone is-over' : 'import-dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="import-dropzone"
      >
        <Icon name="file" size={22} />
        {progress === null ? (
          <>
            <p className="import-dropzone-title">Drop a CSV or Excel (.xlsx) file here</p>
            <p className="field-hint">The first row names the columns. Up to 50 MB.</p>
            <Button size="sm" onClick={() => input.current?.click()}>
              Choose a file
            </Button>
          </>
        ) : (
          <div className="upload-progress">
            <span>{progress < 1 ? 'Uploading…' : 'Reading the file…'}</span>
            <progress value={progress} max={1} aria-label="Upload progress" />
          </div>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label="File to import"
          onChange={(event) => {
            send(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {error !== null && (
        <Alert tone="danger" title="This file cannot be imported">
          {errorMessage(error)}
        </Alert>
      )}
    </div>
  );
}
