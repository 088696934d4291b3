// Settings → Webhooks: the workspace's outgoing-webhook subscriptions with their health (status,
// why one was disabled, 24-hour success rate, last delivery), and a new one.
import { useState } from 'react';
import { Link } from 'react-router';
import { EVENT_TYPE_LABELS, type EventType } from '#api/events/schemas';
import type { WebhookSubscriptionView } from '#api/outgoing-webhooks/schemas';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { formatRelative } from '../../../lib/format-date.ts';
import { SubscriptionFormDialog } from './subscription-form-dialog.tsx';
import { DeliveryStatusBadge, SubscriptionStatus, successRateText } from './webhook-labels.tsx';
import { useLastDelivery, useWebhookStats, useWebhookSubscriptions } from './webhooks-api.ts';
import '../../../styles/webhooks.css';

export function WebhooksPage() {
  const subscriptions = useWebhookSubscriptions();
  const [isCreating, setCreating] = useState(false);
  const items = subscriptions.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        description="Parley POSTs signed events (messages, conversations, contacts, campaigns…) to your URLs, retrying until they answer 2xx."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            New webhook
          </Button>
        }
      />
      <Card flush>
        {subscriptions.isPending ? (
          <LoadingState />
        ) : subscriptions.error ? (
          <ErrorState error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon="list"
            title="No webhooks yet"
            description="Add a URL to receive events as they happen, e.g. to update your CRM when a contact changes."
          />
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Webhooks">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Events</th>
                  <th scope="col">Success (24 h)</th>
                  <th scope="col">Last delivery</th>
                </tr>
              </thead>
              <tbody>
                {items.map((subscription) => (
                  <SubscriptionRow key={subscription.id} subscription={subscription} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {isCreating && <SubscriptionFormDialog subscription={null} onClose={() => setCreating(false)} />}
    </div>
  );
}

function SubscriptionRow({ subscription }: { subscription: WebhookSubscriptionView }) {
  const stats = useWebhookStats(subscription.id);
  const last = useLastDelivery(subscription.id);
  const events = subscription.eventTypes.map((type) => EVENT_TYPE_LABELS[type as EventType] ?? type);
  return (
    <tr className={subscription.isEnabled ? undefined : 'is-muted'}>
      <td className="cell-strong">
        <Link to={`/settings/webhooks/${subscription.id}`}>{subscription.name}</Link>
        <div className="cell-muted cell-break">{subscription.url}</div>
      </td>
      <td>
        <SubscriptionStatus subscription={subscription} />
      </td>
      <td className="cell-muted" title={events.join(', ')}>
        {events.length <= 2 ? events.join(', ') : `${events.slice(0, 2).join(', ')} +${events.length - 2}`}
      </td>
      <td>{stats.data ? successRateText(stats.data.last24h.successRate) : '…'}</td>
      <td className="cell-muted">
        {last.data ? (
          <>
            <DeliveryStatusBadge status={last.data.status} /> {formatRelative(last.data.createdAt)}
          </>
        ) : last.isPending ? (
          '…'
        ) : (
          'None yet'
        )}
      </td>
    </tr>
  );
}
