// The draft's diagnostics as a list: errors first; clicking one selects its node and brings it
// into view. Publishing stays disabled while any error is listed.
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import type { Diagnostic } from '#flow-dsl/validate';
import { NODE_CATALOGUE } from '#flow-dsl/catalogue';
import { cx } from '../lib/cx.ts';
import type { FlowEditor } from './use-flow-editor.ts';

export function ProblemsPanel({ editor }: { editor: FlowEditor }) {
  const [isOpen, setOpen] = useState<boolean | null>(null);
  const flow = useReactFlow();
  const sorted = [...editor.diagnostics].sort((a, b) => rank(a) - rank(b));
  const errors = sorted.filter((d) => d.severity === 'error').length;
  // Open by itself while errors block publishing, until the user opens or closes it.
  const open = isOpen ?? errors > 0;
  const nodes = new Map(editor.document.nodes.map((n) => [n.id, n]));

  const focus = (diagnostic: Diagnostic) => {
    const nodeId = diagnostic.nodeId ?? editor.document.edges.find((e) => e.id === diagnostic.edgeId)?.source;
    const node = nodeId ? nodes.get(nodeId) : undefined;
    if (node) {
      editor.select([node.id]);
      void flow.setCenter(node.position.x + 130, node.position.y + 60, { zoom: 1, duration: 300 });
    }
  };

  return (
    <section className={cx('fb-problems', open && 'is-open')} aria-label="Problems">
      <button type="button" className="fb-problems-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {sorted.length === 0
          ? 'No problems'
          : `${errors} error${errors === 1 ? '' : 's'}, ${sorted.length - errors} warning${sorted.length - errors === 1 ? '' : 's'}`}
      </button>
      {open && sorted.length > 0 && (
        <ul className="fb-problems-list">
          {sorted.map((d, i) => {
            const node = d.nodeId ? nodes.get(d.nodeId) : undefined;
            return (
              <li key={i}>
                <button type="button" className={cx('fb-problem', `is-${d.severity}`)} onClick={() => focus(d)}>
                  <span className="fb-problem-where">
                    {node ? NODE_CATALOGUE[node.type].label : d.edgeId ? 'Connection' : 'Flow'}
                  </span>
                  <span className="fb-problem-message">{d.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function rank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}
