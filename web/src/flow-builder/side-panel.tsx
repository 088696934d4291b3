// The right-hand panel: the selected node's inspector (or what to do when nothing is selected),
// the test chat, the versions or the flow's settings.
import type { FlowView } from '#api/flows/schemas';
import { NODE_CATALOGUE } from '#flow-dsl/catalogue';
import { Button } from '../components/button.tsx';
import { FlowSettingsPanel } from './flow-settings-panel.tsx';
import { nodeSummary } from './node-summary.ts';
import { TestPanel } from './test-panel.tsx';
import type { FlowEditor } from './use-flow-editor.ts';
import { VersionsPanel } from './versions-panel.tsx';

export type PanelMode = 'inspector' | 'test' | 'versions' | 'settings';

const TITLES: Record<PanelMode, string> = {
  inspector: 'Node',
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
    <aside className="fb-side" aria-label={TITLES[mode]}>
      <div className="fb-side-header">
        <h2>{TITLES[mode]}</h2>
        {mode !== 'inspector' && (
          <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close panel">
            ✕
          </Button>
        )}
      </div>
      {mode === 'inspector' && <NodePanel editor={editor} nodeId={selected[0]!.id} readOnly={readOnly} />}
      {mode === 'test' && (
        <TestPanel flowId={flow.id} document={editor.document} beforeRun={beforeTest} onPath={onPath} />
      )}
      {mode === 'versions' && <VersionsPanel flow={flow} canEdit={!readOnly} />}
      {mode === 'settings' && <FlowSettingsPanel editor={editor} readOnly={readOnly} />}
    </aside>
  );
}

function NodePanel({ editor, nodeId, readOnly }: { editor: FlowEditor; nodeId: string; readOnly: boolean }) {
  const node = editor.document.nodes.find((n) => n.id === nodeId)!;
  const entry = NODE_CATALOGUE[node.type];
  return (
    <div className="fb-panel-body">
      <h3>{entry.label}</h3>
      <p className="field-hint">{entry.description}</p>
      {nodeSummary(node).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {!readOnly && node.type !== 'start' && (
        <Button size="sm" variant="danger" onClick={editor.deleteSelection}>
          Delete node
        </Button>
      )}
    </div>
  );
}
