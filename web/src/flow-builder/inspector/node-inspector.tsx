// The builder's right-hand panel for one node: its name, category and purpose, the problems that
// belong to no field, then the editor of its type. Every edit replaces the node's whole `data`.
import { useCallback, useMemo, type ComponentType } from 'react';
import { NODE_CATALOGUE, type NodeCategory, type NodeType } from '#flow-dsl/catalogue';
import type { FlowNode } from '#flow-dsl/document';
import { hasErrors, type Diagnostic } from '#flow-dsl/validate';
import { cx } from '../../lib/cx.ts';
import '../../styles/flow-inspector.css';
import { DiagnosticList } from './controls/diagnostic-list.tsx';
import type { EditorProps } from './editors/editor-props.ts';
import { NODE_EDITORS } from './editors/node-editors.ts';
import { InspectorContext, type InspectorContextValue } from './inspector-context.ts';
import { placeNodeDiagnostics } from './diagnostic-placement.ts';

export type NodeInspectorProps = {
  node: FlowNode;
  /** Replaces the node's data (the whole object, already valid for its type's schema shape). */
  onChange: (data: FlowNode['data']) => void;
  /** Diagnostics of this node only; `field` is the data path (`buttons.1.title`). Show each next to its field. */
  diagnostics: Diagnostic[];
  /** Variable names the flow knows (declared + set by nodes), for the variable picker. */
  variables: string[];
  /** Other flows of the workspace, for jump_to_flow: { id, name }. */
  flows: Array<{ id: string; name: string }>;
  readOnly?: boolean;
};

const CATEGORY_LABELS: Record<NodeCategory, string> = {
  messages: 'Message',
  questions: 'Question',
  logic: 'Logic',
  contacts: 'Contact',
  integrations: 'Integration',
  flow: 'Flow',
  ai: 'AI',
};

export function NodeInspector({ node, onChange, diagnostics, variables, flows, readOnly = false }: NodeInspectorProps) {
  const entry = NODE_CATALOGUE[node.type];
  const placed = useMemo(() => placeNodeDiagnostics(node, diagnostics), [node, diagnostics]);
  const diagnosticsAt = useCallback((path: string) => placed.byPath.get(path) ?? [], [placed]);
  const context = useMemo<InspectorContextValue>(
    () => ({ nodeId: node.id, variables, flows, readOnly, diagnosticsAt }),
    [node.id, variables, flows, readOnly, diagnosticsAt],
  );
  const Editor = NODE_EDITORS[node.type] as ComponentType<EditorProps<NodeType>>;
  const titleId = `inspector-${node.id}-title`;
  return (
    <section className="flow-inspector" aria-labelledby={titleId} data-node-type={node.type}>
      <header className={`inspector-header inspector-${entry.category}`}>
        <p className="inspector-category">
          {CATEGORY_LABELS[entry.category]}
          {readOnly && <span className="inspector-readonly">Read only</span>}
        </p>
        <h3 id={titleId} className="inspector-title">
          {entry.label}
        </h3>
        <p className="inspector-description">{entry.description}</p>
      </header>
      <InspectorContext.Provider value={context}>
        {placed.unplaced.length > 0 && (
          <div
            className={cx('inspector-problems', !hasErrors(placed.unplaced) && 'is-warning')}
            role="group"
            aria-label="Problems with this step"
          >
            <DiagnosticList diagnostics={placed.unplaced} nodeId={node.id} />
          </div>
        )}
        <fieldset className="plain-fieldset inspector-body" disabled={readOnly}>
          <legend className="visually-hidden">{entry.label} settings</legend>
          {/* Keyed by node: typed-but-invalid numbers and other local state never leak to the next node. */}
          <Editor key={node.id} data={node.data} onChange={onChange} />
        </fieldset>
      </InspectorContext.Provider>
    </section>
  );
}
