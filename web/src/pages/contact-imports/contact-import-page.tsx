// One import: while its file waits for a mapping, the mapping editor; once started, its progress
// (polled every second while it runs), counts, the report of rejected rows and cancel.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { contactImportsKey, getContactImport } from '../../api/contact-imports-api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { ContactsTabs } from '../contacts/contacts-tabs.tsx';
import { ImportProgress } from './import-progress.tsx';
import { ImportStatusBadge } from './import-status.tsx';
import { MappingEditor } from './mapping-editor.tsx';
import '../../styles/contact-imports.css';

export function ContactImportPage() {
  const importId = useParams().importId ?? '';
  const current = useQuery({
    queryKey: [...contactImportsKey, importId],
    queryFn: () => getContactImport(importId),
    refetchInterval: (query) => (query.state.data?.status === 'importing' ? 1000 : false),
  });
  const item = current.data;
  return (
    <div className="page">
      <ContactsTabs />
      <PageHeader
        title={item ? item.filename : 'Import'}
        description={
          <>
            <Link to="/contacts/imports">← All imports</Link>
            {item && (
              <>
                {' · '}
                <ImportStatusBadge status={item.status} />
              </>
            )}
          </>
        }
      />
      {current.isPending ? (
        <LoadingState />
      ) : current.error ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : current.data.status === 'uploaded' ? (
        <MappingEditor item={current.data} />
      ) : (
        <ImportProgress item={current.data} />
      )}
    </div>
  );
}
