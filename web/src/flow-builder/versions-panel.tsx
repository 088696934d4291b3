// Published versions, newest first: which one is live, when and what changed; view one read-only
// or make it live again (a roll back does not touch the draft).
import { useState } from 'react';
import type { FlowView } from '#api/flows/schemas';
import { useFlowVersions } from '../api/flows-api.ts';
import { Badge } from '../components/badge.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/states.tsx';
import { formatDate } from '../lib/format-date.ts';
import { useFlowActions } from './use-flow-actions.ts';
import { VersionViewer } from './version-viewer.tsx';

export function VersionsPanel({ flow, canEdit }: { flow: FlowView; canEdit: boolean }) {
  const versions = useFlowVersions(flow.id, true);
  const actions = useFlowActions(flow, async () => undefined);
  const [viewing, setViewing] = useState<number | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);

  if (versions.isPending) {
    return <LoadingState />;
  }
  if (versions.error) {
    return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  if (versions.data.items.length === 0) {
    return (
      <EmptyState
        icon="flows"
        title="Not published yet"
        description="Each publish makes a version you can come back to."
      />
    );
  }
  return (
    <div className="fb-panel-body">
      <ol className="fb-versions">
        {versions.data.items.map((v) => (
          <li key={v.version} className="fb-version">
            <div className="fb-version-head">
              <strong>Version {v.version}</strong>
              {v.isActive && <Badge tone="green">Live</Badge>}
            </div>
            <div className="cell-muted">{formatDate(v.publishedAt)}</div>
            {v.note && <p className="fb-version-note">{v.note}</p>}
            <div className="fb-row">
              <Button size="sm" onClick={() => setViewing(v.version)}>
                View
              </Button>
              {canEdit && !v.isActive && (
                <Button size="sm" variant="ghost" onClick={() => setRollingBack(v.version)}>
                  Roll back to this
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {viewing !== null && <VersionViewer flowId={flow.id} version={viewing} onClose={() => setViewing(null)} />}
      {rollingBack !== null && (
        <ConfirmDialog
          title={`Make version ${rollingBack} live again?`}
          message="New conversations use it from now on. Your draft stays as it is."
          confirmLabel="Roll back"
          onClose={() => setRollingBack(null)}
          onConfirm={() => actions.rollback(rollingBack)}
        />
      )}
    </div>
  );
}
