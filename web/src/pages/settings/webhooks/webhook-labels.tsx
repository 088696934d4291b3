// How a subscription's and a delivery's state read in the webhook pages.
import type { DeliveryStatus, WebhookSubscriptionView } from '#api/outgoing-webhooks/schemas';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

const DELIVERY: Record<DeliveryStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  delivering: { label: 'Retrying', tone: 'amber' },
  succeeded: { label: 'Succeeded', tone: 'green' },
  dead: { label: 'Failed', tone: 'red' },
};

export const DELIVERY_FILTERS: Array<{ value: DeliveryStatus | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'dead', label: 'Failed' },
  { value: 'delivering', label: 'Retrying' },
  { value: 'pending', label: 'Pending' },
];

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={DELIVERY[status].tone}>{DELIVERY[status].label}</Badge>;
}

export function SubscriptionStatus({ subscription }: { subscription: WebhookSubscriptionView }) {
  if (subscription.isEnabled) {
    return <Badge tone="green">Enabled</Badge>;
  }
  return (
    <>
      <Badge tone="red">Disabled</Badge>
      {subscription.disabledReason && <div className="cell-muted">{subscription.disabledReason}</div>}
    </>
  );
}

export function successRateText(rate: number | null): string {
  return rate === null ? 'No deliveries' : `${Math.round(rate * 100)}%`;
}
