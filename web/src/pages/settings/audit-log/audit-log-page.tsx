import { useState } from 'react';
import { useAuditLog, type AuditFilters as Filters } from '../../../api/audit-api.ts';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { AuditRow } from './audit-row.tsx';

export function AuditLogPage() {
  const [filters, setFilters] = useState<Filters>({});
  const log = useAuditLog(filters);
  const isFiltered = Object.values(filters).some(Boolean);

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        description="Administrative actions in this workspace: who did what, when and from where."
      />
      <Card flush>
        <AuditFilters onApply={setFilters} />
        {log.isPending ? (
          <LoadingState />
        ) : log.error ? (
          <ErrorState error={log.error} onRetry={log.refetch} />
        ) : log.items.length === 0 ? (
          <EmptyState
            icon="list"
            title={isFiltered ? 'No entries match these filters' : 'Nothing recorded yet'}
            description={isFiltered ? 'Widen the dates or clear the action filter.' : undefined}
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">IP</th>
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={log.hasMore} isLoading={log.isLoadingMore} onLoadMore={log.loadMore} />
      </Card>
    </div>
  );
}
