// One delivery's attempts as the receiver saw them: the headers sent, the answer's status and the
// start of its body, the latency, or the network error.
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';
import { useWebhookDelivery } from './webhooks-api.ts';

export function DeliveryAttempts({ deliveryId }: { deliveryId: string }) {
  const delivery = useWebhookDelivery(deliveryId);
  if (delivery.isPending) {
    return <LoadingState />;
  }
  if (delivery.error) {
    return <ErrorState error={delivery.error} onRetry={() => void delivery.refetch()} />;
  }
  if (delivery.data.attempts.length === 0) {
    return <p className="cell-muted">No attempt yet.</p>;
  }
  return (
    <ol className="delivery-attempts" aria-label="Attempts">
      {delivery.data.attempts.map((attempt) => (
        <li key={attempt.id} data-testid="webhook-attempt">
          <p>
            <strong>Attempt {attempt.attempt}</strong> · {formatTimestamp(attempt.createdAt)} ·{' '}
            {attempt.responseStatus !== null ? `HTTP ${attempt.responseStatus}` : 'No response'} · {attempt.latencyMs}{' '}
            ms
          </p>
          {attempt.error && <p className="field-error">{attempt.error}</p>}
          <details>
            <summary>Request headers</summary>
            <pre className="code-block">
              {Object.entries(attempt.requestHeaders)
                .map(([name, value]) => `${name}: ${value}`)
                .join('\n')}
            </pre>
          </details>
          {attempt.responseBodyExcerpt && (
            <details>
              <summary>Response body</summary>
              <pre className="code-block">{attempt.responseBodyExcerpt}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
