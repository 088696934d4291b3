// A subscription's delivery log, newest first, filtered by status: each delivery opens to its
// attempts (request headers, response status and body excerpt, latency, error), and a failed or
// succeeded one can be sent again.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DeliveryStatus, WebhookDeliveryView } from '#api/outgoing-webhooks/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';
import { DeliveryAttempts } from './delivery-attempts.tsx';
import { DELIVERY_FILTERS, DeliveryStatusBadge } from './webhook-labels.tsx';
import { replayDelivery, useWebhookDeliveries, webhooksKey } from './webhooks-api.ts';

export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const deliveries = useWebhookDeliveries(subscriptionId, status);
  const queryClient = useQueryClient();
  // Deliveries still on their way finish in the background: the log follows them until they settle.
  const isSettling = deliveries.items.some((d) => d.status === 'pending' || d.status === 'delivering');
  useEffect(() => {
    if (!isSettling) {
      return;
    }
    // This subscription's deliveries and stats only: the rest of the page is not changing.
    const refresh = () =>
      ['deliveries', 'stats'].forEach(
        (part) => void queryClient.invalidateQueries({ queryKey: [...webhooksKey, part, subscriptionId] }),
      );
    const timer = setInterval(refresh, 2_000);
    return () => clearInterval(timer);
  }, [isSettling, queryClient, subscriptionId]);
  const filter = (
    <label className="inline-field">
      <span aria-hidden="true">Status</span>
      <select
        className="input"
        aria-label="Delivery status"
        value={status}
        onChange={(e) => setStatus(e.target.value as DeliveryStatus | '')}
      >
        {DELIVERY_FILTERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Card
      title="Deliveries"
      flush
      actions={
        <>
          {filter}
          <Button size="sm" onClick={() => void queryClient.invalidateQueries({ queryKey: webhooksKey })}>
            Refresh
          </Button>
        </>
      }
    >
      {deliveries.isPending ? (
        <LoadingState />
      ) : deliveries.error ? (
        <ErrorState error={deliveries.error} onRetry={deliveries.refetch} />
      ) : deliveries.items.length === 0 ? (
        <EmptyState
          icon="list"
          title={status ? 'No deliveries with this status' : 'No deliveries yet'}
          description="Send a test event to see one."
        />
      ) : (
        <ul className="delivery-log" aria-label="Deliveries">
          {deliveries.items.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
      <LoadMore hasMore={deliveries.hasMore} isLoading={deliveries.isLoadingMore} onLoadMore={deliveries.loadMore} />
    </Card>
  );
}

function DeliveryItem({ delivery }: { delivery: WebhookDeliveryView }) {
  const [isOpen, setOpen] = useState(false);
  const [replayError, setReplayError] = useState<string | null>(null);
  const [isReplaying, setReplaying] = useState(false);
  const queryClient = useQueryClient();
  const replay = () => {
    setReplaying(true);
    setReplayError(null);
    replayDelivery(delivery.id)
      .then(() => queryClient.invalidateQueries({ queryKey: webhooksKey }))
      .catch((error: unknown) => setReplayError(errorMessage(error)))
      .finally(() => setReplaying(false));
  };
  const canReplay = delivery.status === 'dead' || delivery.status === 'succeeded';
  return (
    <li className="delivery-item" data-testid="webhook-delivery" aria-label={`${delivery.eventType} delivery`}>
      <div className="delivery-summary">
        <DeliveryStatusBadge status={delivery.status} />
        <code>{delivery.eventType}</code>
        <span className="cell-muted">{formatTimestamp(delivery.createdAt)}</span>
        <span className="cell-muted">
          {delivery.attemptCount} attempt{delivery.attemptCount === 1 ? '' : 's'}
          {delivery.lastStatusCode !== null ? `, last HTTP ${delivery.lastStatusCode}` : ''}
          {delivery.replayCount > 0 ? `, replayed ${delivery.replayCount}×` : ''}
        </span>
        {delivery.lastError && <span className="field-error">{delivery.lastError}</span>}
        <Button size="sm" variant="ghost" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOpen ? 'Hide attempts' : 'Show attempts'}
        </Button>
        {canReplay && (
          <Button size="sm" onClick={replay} isPending={isReplaying}>
            Replay
          </Button>
        )}
      </div>
      {replayError && <p className="field-error">{replayError}</p>}
      {isOpen && <DeliveryAttempts deliveryId={delivery.id} />}
    </li>
  );
}
