// The mapping editor: the file's first rows with a field picker above each column, the options
// (existing numbers, tags, group, default country), and every row's problems found by checking
// the whole file on the server each time the mapping changes, before anything is imported.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ContactImport, ImportMapping, ImportOptionsInput } from '#api/contact-imports/schemas';
import { errorMessage } from '../../api/api-error.ts';
import {
  contactImportsKey,
  previewContactImport,
  startContactImport,
  validateContactImport,
} from '../../api/contact-imports-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { formatCount } from './import-status.tsx';
import { ImportOptionsForm, type ImportSettings } from './import-options-form.tsx';
import { PreviewTable } from './preview-table.tsx';

export function MappingEditor({ item }: { item: ContactImport }) {
  const preview = useQuery({
    queryKey: [...contactImportsKey, item.id, 'preview'],
    queryFn: () => previewContactImport(item.id),
  });
  if (preview.isPending) {
    return <LoadingState label="Reading the file…" />;
  }
  if (preview.error) {
    return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  }
  return <Editor item={item} preview={preview.data} />;
}

type Preview = NonNullable<Awaited<ReturnType<typeof previewContactImport>>>;

function Editor({ item, preview }: { item: ContactImport; preview: Preview }) {
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<ImportMapping>(preview.suggestedMapping);
  const [settings, setSettings] = useState<ImportSettings>({
    onExisting: 'update',
    tags: '',
    groupId: '',
    defaultCountry: '',
  });
  const options: ImportOptionsInput = {
    mapping,
    onExisting: settings.onExisting,
    tags: settings.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    groupId: settings.groupId || null,
    defaultCountry: settings.defaultCountry.trim().toUpperCase() || null,
  };
  const checked = useDebounced(options, 400);
  const validation = useQuery({
    queryKey: [...contactImportsKey, item.id, 'validate', checked],
    queryFn: () => validateContactImport(item.id, checked),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const start = useMutation({
    mutationFn: () => startContactImport(item.id, options),
    onSuccess: (started) => {
      queryClient.setQueryData([...contactImportsKey, item.id], started);
      void queryClient.invalidateQueries({ queryKey: contactImportsKey, exact: true });
    },
  });
  const result = validation.isPlaceholderData || validation.error ? null : validation.data;
  const isStale = JSON.stringify(checked) !== JSON.stringify(options) || validation.isFetching;
  return (
    <>
      <Card
        title="Map the columns"
        description={`${formatCount(preview.totalRows)} rows in the file; the first ${preview.rows.length} are shown. Pick the contact field each column fills, or ignore it.`}
        flush
      >
        <PreviewTable
          preview={preview}
          mapping={mapping}
          errors={result?.errors ?? []}
          onMap={(column, target) => setMapping({ ...mapping, [column]: target })}
        />
      </Card>
      <Card title="Options">
        <ImportOptionsForm settings={settings} onChange={setSettings} />
      </Card>
      <Card title="Check">
        <div className="import-check" aria-live="polite">
          {validation.error ? (
            <Alert tone="danger" title="Fix the mapping first">
              {errorMessage(validation.error)}
            </Alert>
          ) : !result || isStale ? (
            <LoadingState label="Checking every row…" />
          ) : (
            <ValidationSummary result={result} />
          )}
          {start.error && <Alert tone="danger">{errorMessage(start.error)}</Alert>}
          <div className="form-actions">
            <Button
              variant="primary"
              onClick={() => start.mutate()}
              isPending={start.isPending}
              disabled={!result || isStale || result.validRows === 0}
            >
              {result
                ? `Import ${formatCount(result.validRows)} ${result.validRows === 1 ? 'contact' : 'contacts'}`
                : 'Import'}
            </Button>
          </div>
        </div>
      </Card>
    </>
  );
}

function ValidationSummary({ result }: { result: NonNullable<Awaited<ReturnType<typeof validateContactImport>>> }) {
  if (result.rejectedRows === 0) {
    return (
      <Alert tone="success" title="Every row is ready">
        {formatCount(result.validRows)} rows will be imported.
      </Alert>
    );
  }
  const shown = result.errors.slice(0, 50);
  return (
    <>
      <Alert tone="warning" title={`${formatCount(result.rejectedRows)} rows have problems`}>
        {formatCount(result.validRows)} of {formatCount(result.totalRows)} rows are ready. Rows with problems are not
        imported; they go to a report you can download, fix and upload again. Or change the mapping above.
      </Alert>
      <div className="table-wrap import-errors">
        <table className="table" aria-label="Row problems">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, index) => (
              <tr key={`${error.row}-${error.column ?? ''}-${index}`}>
                <td className="cell-muted">{error.row}</td>
                <td className="cell-strong">{error.column ?? '—'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.errorCount > shown.length && (
          <p className="field-hint">…and {formatCount(result.errorCount - shown.length)} more problems.</p>
        )}
      </div>
    </>
  );
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(JSON.parse(key) as T), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return debounced;
}
