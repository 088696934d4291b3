// Renaming a file, and deleting one after saying what uses it. The server refuses deleting a file
// a published flow sends (409); the dialog then shows its reason.
import { useState } from 'react';
import type { MediaItem } from '#api/media/schemas';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import { deleteMedia, renameMedia } from '../../api/media-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { usageText } from './media-tile.tsx';

type DialogProps = { item: MediaItem; onDone: () => void; onClose: () => void };

export function RenameMediaDialog({ item, onDone, onClose }: DialogProps) {
  const [filename, setFilename] = useState(item.filename ?? '');
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);
  const fieldError = error instanceof ApiError ? error.fields.find((f) => f.field === 'filename')?.message : undefined;
  const save = () => {
    setPending(true);
    renameMedia(item.id, filename).then(
      () => {
        onDone();
        onClose();
      },
      (failure: unknown) => {
        setError(failure);
        setPending(false);
      },
    );
  };
  return (
    <Modal title="Rename file" onClose={onClose} size="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="media-filename">
            File name
          </label>
          <input
            id="media-filename"
            className="input"
            value={filename}
            maxLength={255}
            onChange={(e) => setFilename(e.target.value)}
          />
          {fieldError && <p className="field-error">{fieldError}</p>}
        </div>
        {Boolean(error) && !fieldError && <Alert tone="danger">{errorMessage(error)}</Alert>}
        <ModalFooter>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isPending={isPending} disabled={!filename.trim()}>
            Save
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

export function DeleteMediaDialog({ item, onDone, onClose }: DialogProps) {
  const { usage } = item;
  const used = usage.messages + usage.flows + usage.templates > 0;
  return (
    <ConfirmDialog
      title={`Delete ${item.filename ?? 'this file'}?`}
      message={
        <>
          <p>{usageText(usage)}.</p>
          {used && (
            <p>
              Messages that sent it keep their text but lose the file; flows and templates that use it will ask for
              another. A file a published flow sends cannot be deleted.
            </p>
          )}
        </>
      }
      confirmLabel="Delete"
      onConfirm={async () => {
        await deleteMedia(item.id);
        onDone();
      }}
      onClose={onClose}
    />
  );
}
