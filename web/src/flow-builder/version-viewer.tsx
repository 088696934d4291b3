// One published version on a read-only canvas, in a dialog: what customers of that version saw.
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { flowDocumentSchema, type FlowDocument } from '#flow-dsl/document';
import { getFlowVersion } from '../api/flows-api.ts';
import { Modal } from '../components/modal.tsx';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { FlowCanvas } from './flow-canvas.tsx';
import { useFlowEditor } from './use-flow-editor.ts';

const NO_PATH: string[] = [];

export function VersionViewer({ flowId, version, onClose }: { flowId: string; version: number; onClose: () => void }) {
  const loaded = useQuery({
    queryKey: ['flows', flowId, 'versions', version],
    queryFn: () => getFlowVersion(flowId, version),
    staleTime: Infinity, // a published version never changes
  });
  return (
    <Modal
      title={`Version ${version}`}
      description="Read-only: roll back to make it live again."
      onClose={onClose}
      size="lg"
    >
      <div className="fb-version-canvas">
        {loaded.isPending ? (
          <LoadingState />
        ) : loaded.error ? (
          <ErrorState error={loaded.error} />
        ) : (
          <ReactFlowProvider>
            <ReadOnlyCanvas flowId={flowId} document={flowDocumentSchema.parse(loaded.data.document)} />
          </ReactFlowProvider>
        )}
      </div>
    </Modal>
  );
}

function ReadOnlyCanvas({ flowId, document }: { flowId: string; document: FlowDocument }) {
  const editor = useFlowEditor(() => document, flowId, { readOnly: true });
  return <FlowCanvas editor={editor} readOnly path={NO_PATH} stats={null} />;
}
