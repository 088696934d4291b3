// A subscription's deliveries over the last 24 hours and 7 days: how many, how many succeeded,
// and how fast the receiver answered.
import { Card } from '../../../components/card.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { successRateText } from './webhook-labels.tsx';
import { useWebhookStats } from './webhooks-api.ts';

export function SubscriptionStats({ subscriptionId }: { subscriptionId: string }) {
  const stats = useWebhookStats(subscriptionId);
  return (
    <Card title="Health">
      {stats.isPending ? (
        <LoadingState />
      ) : stats.error ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <table className="table" aria-label="Delivery statistics">
          <thead>
            <tr>
              <th scope="col">Window</th>
              <th scope="col">Deliveries</th>
              <th scope="col">Succeeded</th>
              <th scope="col">Failed</th>
              <th scope="col">Success rate</th>
              <th scope="col">Mean latency</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['Last 24 hours', stats.data.last24h],
                ['Last 7 days', stats.data.last7d],
              ] as const
            ).map(([label, window]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{window.total}</td>
                <td>{window.byStatus.succeeded ?? 0}</td>
                <td>{window.byStatus.dead ?? 0}</td>
                <td>{successRateText(window.successRate)}</td>
                <td>{window.averageLatencyMs === null ? '—' : `${Math.round(window.averageLatencyMs)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
