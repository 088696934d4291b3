// The right-hand panel: the selected node's inspector (or what to do when nothing is selected),
// the test chat, the versions or the flow's settings.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { flowPageSchema, type FlowView } from '#api/flows/schemas';
import { flowVariables } from '#flow-dsl/validation/variable-rules';
import { apiRequest } from '../api/client.ts';
import { Button } from '../components/button.tsx';
import { updateNodeData } from './document-ops.ts';
import { FlowSettingsPanel } from './flow-settings-panel.tsx';
import { NodeInspector } from './inspector/node-inspector.tsx';
import { TestPanel } from './test-panel.tsx';
import type { FlowEditor } from './use-flow-editor.ts';
import { VersionsPanel } from './versions-panel.tsx';

export type PanelMode = 'inspector' | 'test' | 'versions' | 'settings';

const TITLES: Record<Exclude<PanelMode, 'inspector'>, string> = {
  test: 'Test this flow',
  versions: 'Versions',
  settings: 'Trigger & settings',
};

type Props = {
  mode: PanelMode;
  flow: FlowView;
  editor: FlowEditor;
  readOnly: boolean;
  beforeTest: () => Promise<void>;
  onPath: (path: string[]) => void;
  onClose: () => void;
};

export function SidePanel({ mode, flow, editor, readOnly, beforeTest, onPath, onClose }: Props) {
  const selected = editor.document.nodes.filter((n) => editor.selectedNodeIds.has(n.id));
  if (mode === 'inspector' && selected.length !== 1) {
    return (
      <aside className="fb-side" aria-label="Inspector">
        <div className="fb-panel-body fb-hint">
          {selected.length > 1 ? (
            <p>
              {selected.length} nodes selected: drag them together, copy (Ctrl+C), duplicate (Ctrl+D) or delete them.
            </p>
          ) : (
            <p>Select a node to edit it. Drag nodes from the left, or click one to add it after the selected node.</p>
          )}
        </div>
      </aside>
    );
  }
  return (
    <aside className="fb-side" aria-label={mode === 'inspector' ? 'Inspector' : TITLES[mode]}>
      {mode !== 'inspector' && (
        <div className="fb-side-header">
          <h2>{TITLES[mode]}</h2>
          <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close panel">
            ✕
          </Button>
        </div>
      )}
      {mode === 'inspector' && (
        <NodePanel editor={editor} nodeId={selected[0]!.id} flowId={flow.id} readOnly={readOnly} />
      )}
      {mode === 'test' && (
        <TestPanel flowId={flow.id} document={editor.document} beforeRun={beforeTest} onPath={onPath} />
      )}
      {mode === 'versions' && <VersionsPanel flow={flow} canEdit={!readOnly} />}
      {mode === 'settings' && <FlowSettingsPanel editor={editor} readOnly={readOnly} />}
    </aside>
  );
}

function NodePanel({
  editor,
  nodeId,
  flowId,
  readOnly,
}: {
  editor: FlowEditor;
  nodeId: string;
  flowId: string;
  readOnly: boolean;
}) {
  const node = editor.document.nodes.find((n) => n.id === nodeId)!;
  const variables = useMemo(() => flowVariables(editor.document), [editor.document]);
  const diagnostics = useMemo(
    () => editor.diagnostics.filter((d) => d.nodeId === nodeId),
    [editor.diagnostics, nodeId],
  );
  const otherFlows = useOtherFlows(flowId);
  return (
    <>
      <NodeInspector
        node={node}
        onChange={(data) => editor.change((d) => updateNodeData(d, nodeId, data), `data:${nodeId}`)}
        diagnostics={diagnostics}
        variables={variables}
        flows={otherFlows}
        readOnly={readOnly}
      />
      {!readOnly && node.type !== 'start' && (
        <div className="fb-side-footer">
          <Button size="sm" variant="danger" onClick={editor.deleteSelection}>
            Delete this step
          </Button>
        </div>
      )}
    </>
  );
}

/** The workspace's other flows, for jump_to_flow (the first hundred by name is plenty to pick from). */
function useOtherFlows(flowId: string) {
  const flows = useQuery({
    queryKey: ['flows', 'jump-targets'],
    queryFn: () => apiRequest('/api/flows', { query: { limit: 100 }, schema: flowPageSchema }),
  });
  return useMemo(
    () => (flows.data?.items ?? []).filter((f) => f.id !== flowId).map((f) => ({ id: f.id, name: f.name })),
    [flows.data, flowId],
  );
}
