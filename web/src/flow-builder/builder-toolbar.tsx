// The builder's top bar: back to the list, the name, status and save state; undo/redo and tidy;
// the panels (test, versions, settings), analytics, more actions, and Publish (disabled while
// errors remain, saying why).
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FlowView } from '#api/flows/schemas';
import { errorMessage } from '../api/api-error.ts';
import { Badge } from '../components/badge.tsx';
import { Button } from '../components/button.tsx';
import { Icon } from '../components/icon.tsx';
import { Popover } from '../components/popover.tsx';
import { useToast } from '../components/toast-context.ts';
import { AnalyticsToggle } from './analytics-toggle.tsx';
import { autoLayout } from './auto-layout.ts';
import { addNote, noteCanvasId } from './document-ops.ts';
import { PublishDialog } from './publish-dialog.tsx';
import type { PanelMode } from './side-panel.tsx';
import type { NodeStats } from './to-react-flow.ts';
import type { SaveState } from './use-autosave.ts';
import { useFlowActions } from './use-flow-actions.ts';
import type { FlowEditor } from './use-flow-editor.ts';

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  error: 'Not saved: retrying on the next change',
};

type Props = {
  flow: FlowView;
  editor: FlowEditor;
  save: { state: SaveState; saveNow: () => Promise<void> };
  canEdit: boolean;
  panel: PanelMode;
  onPanel: (mode: PanelMode) => void;
  stats: ReadonlyMap<string, NodeStats> | null;
  onStats: (stats: ReadonlyMap<string, NodeStats> | null) => void;
};

export function BuilderToolbar({ flow, editor, save, canEdit, panel, onPanel, stats, onStats }: Props) {
  const actions = useFlowActions(flow, save.saveNow);
  const { screenToFlowPosition } = useReactFlow();
  const flowCenter = () => screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
  const toast = useToast();
  const [publishing, setPublishing] = useState(false);
  const errors = editor.diagnostics.filter((d) => d.severity === 'error').length;
  const run = (action: () => Promise<void>) => () =>
    void action().catch((error: unknown) => toast.show(errorMessage(error), 'error'));

  return (
    <header className="fb-toolbar">
      <div className="fb-toolbar-row">
        <Link to="/flows" className="fb-back" aria-label="All flows">
          <Icon name="chevronLeft" />
        </Link>
        <FlowName name={flow.name} canEdit={canEdit} onRename={(name) => actions.rename(name)} />
        <Badge tone={flow.status === 'active' ? 'green' : flow.status === 'inactive' ? 'amber' : 'neutral'}>
          {flow.status === 'active' ? `Live · v${flow.activeVersion}` : flow.status === 'inactive' ? 'Off' : 'Draft'}
        </Badge>
        {flow.hasUnpublishedChanges && flow.activeVersion !== null && (
          <Badge tone="blue">Changed since v{flow.activeVersion}</Badge>
        )}
        {canEdit && (
          <span className={`fb-save is-${save.state}`} role="status">
            {SAVE_TEXT[save.state]}
          </span>
        )}
        <div className="fb-toolbar-spacer" />
        {canEdit && (
          <span title={errors > 0 ? `Fix ${errors} error${errors === 1 ? '' : 's'} first` : undefined}>
            <Button variant="primary" size="sm" disabled={errors > 0} onClick={() => setPublishing(true)}>
              Publish
            </Button>
          </span>
        )}
      </div>
      <div className="fb-toolbar-row">
        {canEdit && (
          <div className="fb-toolbar-group">
            <Button size="sm" variant="ghost" onClick={editor.undo} disabled={!editor.canUndo} title="Undo (Ctrl+Z)">
              Undo
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={editor.redo}
              disabled={!editor.canRedo}
              title="Redo (Ctrl+Shift+Z)"
            >
              Redo
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => editor.change(autoLayout)}
              title="Arrange the nodes left to right"
            >
              Tidy up
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => addStickyNote(editor, flowCenter())}
              title="Add a sticky note"
            >
              Note
            </Button>
          </div>
        )}
        <div className="fb-toolbar-group">
          {flow.activeVersion !== null && <AnalyticsToggle flowId={flow.id} isOn={stats !== null} onStats={onStats} />}
          <Button
            size="sm"
            variant={panel === 'settings' ? 'primary' : 'secondary'}
            onClick={() => onPanel('settings')}
          >
            Trigger & settings
          </Button>
          <Button
            size="sm"
            variant={panel === 'versions' ? 'primary' : 'secondary'}
            onClick={() => onPanel('versions')}
          >
            Versions
          </Button>
          <Button size="sm" variant={panel === 'test' ? 'primary' : 'secondary'} onClick={() => onPanel('test')}>
            Test
          </Button>
          <Popover label="More actions" align="end" triggerClassName="btn btn-secondary btn-sm" trigger="More">
            {(close) => (
              <div className="menu">
                <div className="menu-section">
                  <button type="button" className="menu-item" onClick={() => (close(), run(actions.exportJson)())}>
                    Export as JSON
                  </button>
                  {canEdit && (
                    <button type="button" className="menu-item" onClick={() => (close(), run(actions.duplicate)())}>
                      Duplicate
                    </button>
                  )}
                  {canEdit && flow.activeVersion !== null && (
                    <button
                      type="button"
                      className="menu-item"
                      onClick={() => (close(), run(() => actions.setActive(flow.status !== 'active'))())}
                    >
                      {flow.status === 'active' ? 'Switch off (stop answering the trigger)' : 'Switch on'}
                    </button>
                  )}
                </div>
              </div>
            )}
          </Popover>
        </div>
      </div>
      {publishing && <PublishDialog onPublish={actions.publish} onClose={() => setPublishing(false)} />}
    </header>
  );
}

function addStickyNote(editor: FlowEditor, position: { x: number; y: number }) {
  const result = addNote(editor.document, position);
  editor.change(result.document);
  editor.select([noteCanvasId(result.noteId)]);
}

function FlowName({
  name,
  canEdit,
  onRename,
}: {
  name: string;
  canEdit: boolean;
  onRename: (name: string) => Promise<void>;
}) {
  const [value, setValue] = useState(name);
  const toast = useToast();
  if (!canEdit) {
    return <h1 className="fb-name">{name}</h1>;
  }
  const commit = () => {
    const next = value.trim();
    if (!next) {
      setValue(name);
    } else if (next !== name) {
      onRename(next).catch((error: unknown) => {
        toast.show(errorMessage(error), 'error');
        setValue(name);
      });
    }
  };
  return (
    <input
      className="fb-name-input"
      aria-label="Flow name"
      value={value}
      maxLength={80}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}
