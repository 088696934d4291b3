// Settings → Automations → a rule's run log: when each run was triggered, its status, what each
// action did and the error, newest first, filtered by status.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ACTION_LABELS, type AutomationAction } from '#api/automations/schemas';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../components/states.tsx';
import { useAutomationRule, useAutomationRuns } from './automations-api.ts';
import { RunStatusBadge } from './rule-labels.tsx';

export function AutomationRunsPage() {
  const { automationId = '' } = useParams();
  const [status, setStatus] = useState('');
  const rule = useAutomationRule(automationId);
  const runs = useAutomationRuns(automationId, status);
  return (
    <div className="page">
      <PageHeader
        title={`Runs of "${rule.data?.name ?? '…'}"`}
        description="Each time the rule fired: the outcome of every action and the error that stopped it."
        actions={<Link to="/settings/automations">Back to rules</Link>}
      />
      <Card flush>
        <div className="card-body">
          <select className="input" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Every status</option>
            {['succeeded', 'failed', 'skipped', 'running'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {runs.isPending ? (
          <LoadingState />
        ) : runs.error ? (
          <ErrorState error={runs.error} onRetry={runs.refetch} />
        ) : runs.items.length === 0 ? (
          <EmptyState title="No runs yet" description="Runs appear here within seconds of the rule firing." />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Triggered</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {runs.items.map((run) => (
                  <tr key={run.id}>
                    <td>{run.triggeredAt.toLocaleString()}</td>
                    <td>
                      <RunStatusBadge status={run.status} />
                    </td>
                    <td>
                      <ol>
                        {run.outcome.map((o, i) => (
                          <li key={i}>
                            {ACTION_LABELS[o.action as AutomationAction['type']] ?? o.action}:{' '}
                            {o.status.replace('_', ' ')}
                            {o.detail ? ` (${o.detail})` : ''}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="cell-muted">{run.error ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={runs.hasMore} isLoading={runs.isLoadingMore} onLoadMore={runs.loadMore} />
      </Card>
    </div>
  );
}
