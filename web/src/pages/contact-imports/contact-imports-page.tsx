// Contacts → Imports: upload a CSV or Excel file to import, and the history of imports with their
// status and counts (each opens its mapping or progress page).
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { contactImportsKey, listContactImports } from '../../api/contact-imports-api.ts';
import { usePagedList } from '../../api/use-paged-list.ts';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/states.tsx';
import { ContactsTabs } from '../contacts/contacts-tabs.tsx';
import { formatCount, ImportStatusBadge } from './import-status.tsx';
import { UploadDropzone } from './upload-dropzone.tsx';
import '../../styles/contact-imports.css';

export function ContactImportsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = usePagedList(contactImportsKey, listContactImports);
  return (
    <div className="page">
      <ContactsTabs />
      <PageHeader
        title="Import contacts"
        description="Upload a spreadsheet, map its columns to contact fields, check the rows, then import. Existing phone numbers are updated or skipped, as you choose."
      />
      <Card>
        <UploadDropzone
          onUploaded={(preview) => {
            void queryClient.invalidateQueries({ queryKey: contactImportsKey });
            void navigate(`/contacts/imports/${preview.import.id}`);
          }}
        />
      </Card>
      <Card title="Past imports" flush>
        {list.isPending ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={list.refetch} />
        ) : list.items.length === 0 ? (
          <EmptyState title="No imports yet" description="Files you upload are listed here with what they imported." />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Status</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Created</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Skipped</th>
                  <th scope="col">Rejected</th>
                  <th scope="col">Uploaded</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr key={item.id}>
                    <td className="cell-strong">
                      <Link to={`/contacts/imports/${item.id}`}>{item.filename}</Link>
                    </td>
                    <td>
                      <ImportStatusBadge status={item.status} />
                    </td>
                    <td className="cell-muted">{formatCount(item.totalRows)}</td>
                    <td className="cell-muted">{formatCount(item.createdCount)}</td>
                    <td className="cell-muted">{formatCount(item.updatedCount)}</td>
                    <td className="cell-muted">{formatCount(item.skippedCount)}</td>
                    <td className="cell-muted">{formatCount(item.rejectedCount)}</td>
                    <td className="cell-muted">
                      {item.createdAt.toLocaleString()}
                      {item.createdBy ? ` · ${item.createdBy}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
          </div>
        )}
      </Card>
    </div>
  );
}
