// Analytics on the canvas: for the live version, how many sessions reached each node, left it,
// stopped there, and the average time spent in it (from the engine's step records).
import { useState } from 'react';
import type { FlowAnalytics } from '#api/flows/analytics-schemas';
import { errorMessage } from '../api/api-error.ts';
import { getFlowAnalytics } from '../api/flows-api.ts';
import { Button } from '../components/button.tsx';
import { useToast } from '../components/toast-context.ts';
import type { NodeStats } from './to-react-flow.ts';

type Props = { flowId: string; isOn: boolean; onStats: (stats: ReadonlyMap<string, NodeStats> | null) => void };

export function AnalyticsToggle({ flowId, isOn, onStats }: Props) {
  const [summary, setSummary] = useState<FlowAnalytics | null>(null);
  const [isLoading, setLoading] = useState(false);
  const toast = useToast();
  const toggle = async () => {
    if (isOn) {
      onStats(null);
      setSummary(null);
      return;
    }
    setLoading(true);
    try {
      const analytics = await getFlowAnalytics(flowId);
      setSummary(analytics);
      onStats(new Map(analytics.nodes.map((n) => [n.nodeId, n])));
    } catch (error) {
      toast.show(errorMessage(error), 'error');
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button
        size="sm"
        variant={isOn ? 'primary' : 'secondary'}
        onClick={() => void toggle()}
        isPending={isLoading}
        aria-pressed={isOn}
      >
        Analytics
      </Button>
      {isOn && summary && (
        <span className="fb-analytics-summary" role="status">
          v{summary.version}: {summary.sessions.started} sessions, {summary.sessions.completed} completed,{' '}
          {summary.sessions.dropped} dropped, {summary.sessions.active} in progress
        </span>
      )}
    </>
  );
}
