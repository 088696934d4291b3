// The builder: toolbar, palette, canvas with its problems list, and the side panel (the selected
// node's inspector, the test chat, versions or flow settings). Read-only for roles that cannot
// change flows.
import { useState } from 'react';
import type { FlowView } from '#api/flows/schemas';
import { flowDocumentSchema } from '#flow-dsl/document';
import type { Diagnostic } from '#flow-dsl/validate';
import { useCan } from '../auth/use-session.ts';
import '../styles/flow-builder.css';
import { BuilderToolbar } from './builder-toolbar.tsx';
import { FlowCanvas } from './flow-canvas.tsx';
import { Palette } from './palette.tsx';
import { ProblemsPanel } from './problems-panel.tsx';
import { SidePanel, type PanelMode } from './side-panel.tsx';
import type { NodeStats } from './to-react-flow.ts';
import { useAutosave } from './use-autosave.ts';
import { useFlowEditor } from './use-flow-editor.ts';
import { useShortcuts } from './use-shortcuts.ts';

const NO_PATH: string[] = [];

export function FlowBuilder({ flow }: { flow: FlowView }) {
  const canEdit = useCan()('flows.manage');
  const editor = useFlowEditor(() => flowDocumentSchema.parse(flow.draft), flow.id, {
    readOnly: !canEdit,
    initialDiagnostics: flow.diagnostics as Diagnostic[],
  });
  const save = useAutosave(flow.id, editor.document, canEdit);
  const [panel, setPanel] = useState<PanelMode>('inspector');
  const [path, setPath] = useState<string[]>(NO_PATH);
  const [stats, setStats] = useState<ReadonlyMap<string, NodeStats> | null>(null);
  useShortcuts(editor, canEdit);

  return (
    <div className="fb-root">
      <BuilderToolbar
        flow={flow}
        editor={editor}
        save={save}
        canEdit={canEdit}
        panel={panel}
        onPanel={(mode) => setPanel(panel === mode ? 'inspector' : mode)}
        stats={stats}
        onStats={setStats}
      />
      <div className="fb-main">
        {canEdit && <Palette editor={editor} />}
        <div className="fb-stage">
          <FlowCanvas editor={editor} readOnly={!canEdit} path={path} stats={stats} />
          <ProblemsPanel editor={editor} />
        </div>
        <SidePanel
          mode={panel}
          flow={flow}
          editor={editor}
          readOnly={!canEdit}
          beforeTest={save.saveNow}
          onPath={setPath}
          onClose={() => setPanel('inspector')}
        />
      </div>
    </div>
  );
}
