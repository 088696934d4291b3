import { useState } from 'react';
import { useApiRequests, type ApiRequestFilters } from '../../../api/api-requests-api.ts';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { ApiRequestFiltersForm } from './api-request-filters.tsx';
import { ApiRequestRow } from './api-request-row.tsx';

export function ApiRequestsPage() {
  const [filters, setFilters] = useState<ApiRequestFilters>({});
  const log = useApiRequests(filters);
  const isFiltered = Object.values(filters).some(Boolean);

  return (
    <div className="page">
      <PageHeader
        title="API requests"
        description="Every request made to the API in this workspace by members and API keys over the last 30 days, refusals included."
      />
      <Card flush>
        <ApiRequestFiltersForm onApply={setFilters} />
        {log.isPending ? (
          <LoadingState />
        ) : log.error ? (
          <ErrorState error={log.error} onRetry={log.refetch} />
        ) : log.items.length === 0 ? (
          <EmptyState
            icon="list"
            title={isFiltered ? 'No requests match these filters' : 'No requests recorded yet'}
            description={isFiltered ? 'Widen the dates or clear a filter.' : 'Requests appear here within a second.'}
          />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="API requests">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Caller</th>
                  <th scope="col">Request</th>
                  <th scope="col">Status</th>
                  <th scope="col">Latency</th>
                  <th scope="col">IP</th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((entry) => (
                  <ApiRequestRow key={entry.id} entry={entry} />
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
