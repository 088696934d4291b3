import { useWorkspace } from '../../../api/workspace-api.ts';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { PlanLimits } from './plan-limits.tsx';
import { WorkspaceForm } from './workspace-form.tsx';

export function WorkspacePage() {
  const workspace = useWorkspace();
  return (
    <div className="page">
      <PageHeader
        title="Workspace"
        description="How your workspace is named, where it lives and how it is protected."
      />
      {workspace.isPending ? (
        <Card>
          <LoadingState />
        </Card>
      ) : workspace.error ? (
        <Card>
          <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
        </Card>
      ) : (
        <>
          <WorkspaceForm workspace={workspace.data} />
          <PlanLimits workspace={workspace.data} />
        </>
      )}
    </div>
  );
}
