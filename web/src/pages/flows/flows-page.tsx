// The flows of the workspace: status, trigger and last edit; create, import, duplicate, delete.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FLOW_STATUSES, type FlowStatus, type FlowSummary } from '#api/flows/schemas';
import { deleteFlow, duplicateFlow, flowsKey, useFlows } from '../../api/flows-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Badge, type BadgeTone } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { formatRelative } from '../../lib/format-date.ts';
import { ImportFlowDialog } from './import-flow-dialog.tsx';
import { NewFlowDialog } from './new-flow-dialog.tsx';
import { triggerText } from './trigger-text.ts';

const STATUS_TONE: Record<FlowStatus, BadgeTone> = { draft: 'neutral', active: 'green', inactive: 'amber' };
const STATUS_LABEL: Record<FlowStatus, string> = { draft: 'Draft', active: 'Active', inactive: 'Off' };

export function FlowsPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<FlowStatus | ''>('');
  const flows = useFlows({ search: search.trim(), status });
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [toDelete, setToDelete] = useState<FlowSummary | null>(null);
  const canManage = useCan()('flows.manage');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();

  const duplicate = async (flow: FlowSummary) => {
    try {
      const copy = await duplicateFlow(flow.id);
      await queryClient.invalidateQueries({ queryKey: flowsKey });
      toast.show(`“${copy.name}” created`, 'success');
    } catch (error) {
      toast.show(error instanceof Error ? error.message : 'Could not duplicate the flow', 'error');
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Flows"
        description="Chatbots that answer your customers on WhatsApp: draw them, test them, publish them."
        actions={
          canManage && (
            <div className="page-actions">
              <Button onClick={() => setDialog('import')}>Import</Button>
              <Button variant="primary" icon="plus" onClick={() => setDialog('new')}>
                New flow
              </Button>
            </div>
          )
        }
      />
      <Card flush>
        <div className="filters">
          <input
            className="input"
            type="search"
            placeholder="Search by name"
            aria-label="Search flows"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            className="input"
            aria-label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as FlowStatus | '')}
          >
            <option value="">All statuses</option>
            {FLOW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {flows.isPending ? (
          <LoadingState />
        ) : flows.error ? (
          <ErrorState error={flows.error} onRetry={flows.refetch} />
        ) : flows.items.length === 0 ? (
          <EmptyState
            icon="flows"
            title={search || status ? 'No flow matches' : 'No flows yet'}
            description={
              search || status
                ? 'Try another name or status.'
                : 'A flow greets customers, asks questions, calls your systems and hands over to your team.'
            }
            action={
              canManage &&
              !search &&
              !status && (
                <Button variant="primary" icon="plus" onClick={() => setDialog('new')}>
                  Create your first flow
                </Button>
              )
            }
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Trigger</th>
                  <th scope="col">Version</th>
                  <th scope="col">Last edit</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {flows.items.map((flow) => (
                  <tr key={flow.id}>
                    <td className="cell-strong">
                      <Link to={`/flows/${flow.id}`}>{flow.name}</Link>
                      {flow.description && <div className="cell-muted">{flow.description}</div>}
                    </td>
                    <td>
                      <Badge tone={STATUS_TONE[flow.status]}>{STATUS_LABEL[flow.status]}</Badge>
                    </td>
                    <td className="cell-muted">{triggerText(flow.trigger)}</td>
                    <td className="cell-muted">{flow.activeVersion ? `v${flow.activeVersion}` : '–'}</td>
                    <td className="cell-muted">{formatRelative(flow.draftUpdatedAt)}</td>
                    <td className="cell-actions">
                      <Button size="sm" variant="ghost" onClick={() => navigate(`/flows/${flow.id}`)}>
                        Open
                      </Button>
                      {canManage && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Duplicate ${flow.name}`}
                            onClick={() => void duplicate(flow)}
                          >
                            Duplicate
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Delete ${flow.name}`}
                            onClick={() => setToDelete(flow)}
                          >
                            Delete
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore hasMore={flows.hasMore} isLoading={flows.isLoadingMore} onLoadMore={flows.loadMore} />
          </div>
        )}
      </Card>
      {dialog === 'new' && <NewFlowDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportFlowDialog onClose={() => setDialog(null)} />}
      {toDelete && (
        <ConfirmDialog
          title={`Delete “${toDelete.name}”?`}
          message="The flow, its versions and its analytics are deleted. Conversations in progress must end first."
          confirmLabel="Delete flow"
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await deleteFlow(toDelete.id);
            await queryClient.invalidateQueries({ queryKey: flowsKey });
            toast.show(`“${toDelete.name}” deleted`, 'success');
          }}
        />
      )}
    </div>
  );
}
