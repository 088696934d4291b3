// A started import: a progress bar over the file's rows, what was created, updated, skipped and
// rejected, the report of rejected rows to download, and cancel while it runs.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContactImport } from '#api/contact-imports/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { cancelContactImport, contactImportsKey, downloadImportReport } from '../../api/contact-imports-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useToast } from '../../components/toast-context.ts';
import { formatCount, importPercent } from './import-status.tsx';

export function ImportProgress({ item }: { item: ContactImport }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isConfirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelContactImport(item.id),
    onSuccess: (updated) => queryClient.setQueryData([...contactImportsKey, item.id], updated),
  });
  const download = useMutation({
    mutationFn: () => downloadImportReport(item.id, item.filename),
    onError: (error) => toast.show(errorMessage(error), 'error'),
  });
  const percent = importPercent(item);
  const counts: Array<[string, number]> = [
    ['Created', item.createdCount],
    ['Updated', item.updatedCount],
    ['Skipped (already there)', item.skippedCount],
    ['Rejected', item.rejectedCount],
  ];
  return (
    <Card
      title={item.status === 'importing' ? 'Importing…' : 'Import finished'}
      actions={
        item.status === 'importing' && (
          <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Cancel import
          </Button>
        )
      }
    >
      <div className="import-progress">
        <div className="import-progress-bar">
          <progress value={percent} max={100} aria-label="Import progress" />
          <span data-testid="import-percent">{percent}%</span>
        </div>
        <p className="field-hint">
          {formatCount(item.processedRows)} of {formatCount(item.totalRows)} rows processed
        </p>
        <dl className="import-counts">
          {counts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatCount(value)}</dd>
            </div>
          ))}
        </dl>
        {item.status === 'failed' && (
          <Alert tone="danger" title="The import failed">
            {item.error ?? 'An unexpected error stopped it.'} Contacts imported before it stopped are kept.
          </Alert>
        )}
        {item.status === 'cancelled' && (
          <Alert tone="warning" title="Cancelled">
            The import stopped; contacts imported before that are kept.
          </Alert>
        )}
        {item.status === 'completed' && (
          <Alert tone="success" title="Import completed">
            <Link to="/contacts">Open the contact list</Link>
          </Alert>
        )}
        {item.hasReport && (
          <div>
            <Button icon="download" onClick={() => download.mutate()} isPending={download.isPending}>
              Download rejected rows (CSV)
            </Button>
          </div>
        )}
      </div>
      {isConfirming && (
        <ConfirmDialog
          title="Cancel this import?"
          message="It stops before its next batch of rows. Contacts already imported stay."
          confirmLabel="Cancel import"
          onConfirm={async () => {
            await cancel.mutateAsync();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </Card>
  );
}
