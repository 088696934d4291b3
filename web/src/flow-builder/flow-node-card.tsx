// One node on the canvas: its type, what it says or does, one labelled handle per output, and the
// problems, test-run step and analytics the canvas paints on it. Memoised: React Flow re-renders a
// card only when its node object changes (to-react-flow.ts keeps unchanged ones).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_CATALOGUE } from '#flow-dsl/catalogue';
import { cx } from '../lib/cx.ts';
import { nodeSummary } from './node-summary.ts';
import { outputLabels } from './output-labels.ts';
import type { FlowCanvasNode } from './to-react-flow.ts';

export const FlowNodeCard = memo(function FlowNodeCard({ data, selected }: NodeProps<FlowCanvasNode>) {
  const { node, problems, pathIndex, stats } = data;
  const entry = NODE_CATALOGUE[node.type];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <div
      className={cx(
        'fb-node',
        `fb-cat-${entry.category}`,
        selected && 'is-selected',
        errors.length > 0 && 'has-error',
        errors.length === 0 && warnings.length > 0 && 'has-warning',
        pathIndex !== null && 'is-on-path',
      )}
      data-testid="flow-node"
      data-node-id={node.id}
      data-node-type={node.type}
    >
      {node.type !== 'start' && <Handle type="target" position={Position.Left} className="fb-handle-in" />}
      <div className="fb-node-header">
        <span className="fb-node-type">{entry.label}</span>
        {pathIndex !== null && (
          <span className="fb-node-step" title="Step of the test run">
            {pathIndex + 1}
          </span>
        )}
        {problems.length > 0 && (
          <span
            className={cx('fb-node-problems', errors.length > 0 ? 'is-error' : 'is-warning')}
            title={problems.map((p) => p.message).join('\n')}
            aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}
          >
            {problems.length}
          </span>
        )}
      </div>
      <div className="fb-node-body">
        {nodeSummary(node).map((line, i) => (
          <p key={i} className="fb-node-line">
            {line}
          </p>
        ))}
      </div>
      {stats && (
        <div className="fb-node-stats" data-testid="node-stats">
          <span title="Sessions that reached this step">{stats.entered} in</span>
          <span title="Sessions that left it by an output">{stats.exited} out</span>
          <span title="Sessions that stopped here (timed out, failed or cancelled)">{stats.dropped} dropped</span>
          <span title="Average time in this step">{formatDuration(stats.averageMs)}</span>
        </div>
      )}
      <ul className="fb-node-outputs">
        {outputLabels(node).map((output) => (
          <li key={output.handle} className="fb-node-output">
            <span className="fb-node-output-label">{output.label}</span>
            <Handle type="source" position={Position.Right} id={output.handle} className="fb-handle-out" />
          </li>
        ))}
      </ul>
    </div>
  );
});

function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '–';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}
