// Settings → Webhooks → one subscription: its settings and health, the actions (edit, enable or
// disable, send a test event, rotate the secret, delete) and its delivery log.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EVENT_TYPE_LABELS, type EventType } from '#api/events/schemas';
import type { WebhookSubscriptionView, WebhookSubscriptionWithSecret } from '#api/outgoing-webhooks/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Modal } from '../../../components/modal.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { DeliveryLog } from './delivery-log.tsx';
import { SecretReveal } from './secret-reveal.tsx';
import { SubscriptionFormDialog } from './subscription-form-dialog.tsx';
import { SubscriptionStats } from './subscription-stats.tsx';
import '../../../styles/webhooks.css';
import { SubscriptionStatus } from './webhook-labels.tsx';
import {
  deleteSubscription,
  rotateSecret,
  sendTestEvent,
  updateSubscription,
  useWebhookSubscription,
  webhooksKey,
} from './webhooks-api.ts';

type Dialog = 'edit' | 'rotate' | 'delete' | null;

export function SubscriptionPage() {
  const { subscriptionId = '' } = useParams();
  const subscription = useWebhookSubscription(subscriptionId);
  if (subscription.isPending) {
    return <LoadingState />;
  }
  if (subscription.error) {
    return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  }
  return <SubscriptionDetail subscription={subscription.data} />;
}

function SubscriptionDetail({ subscription }: { subscription: WebhookSubscriptionView }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<WebhookSubscriptionWithSecret | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey });
  const run = (action: () => Promise<string>) => {
    setBusy(true);
    action()
      .then((text) => setNotice({ tone: 'success', text }))
      .catch((error: unknown) => setNotice({ tone: 'danger', text: errorMessage(error) }))
      .finally(() => {
        setBusy(false);
        void refresh();
      });
  };
  const toggle = () =>
    run(async () => {
      await updateSubscription(subscription.id, { isEnabled: !subscription.isEnabled });
      return subscription.isEnabled ? 'Webhook disabled.' : 'Webhook enabled.';
    });
  const test = () =>
    run(async () => {
      await sendTestEvent(subscription.id);
      return 'Test event sent: its delivery is in the log below.';
    });

  return (
    <div className="page">
      <PageHeader
        title={subscription.name}
        description={<Link to="/settings/webhooks">← All webhooks</Link>}
        actions={
          <>
            <Button onClick={test} disabled={isBusy || !subscription.isEnabled}>
              Send test event
            </Button>
            <Button onClick={toggle} disabled={isBusy}>
              {subscription.isEnabled ? 'Disable' : 'Enable'}
            </Button>
            <Button onClick={() => setDialog('edit')}>Edit</Button>
            <Button onClick={() => setDialog('rotate')}>Rotate secret</Button>
            <Button variant="danger" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </>
        }
      />
      {notice && (
        <div role="status" data-testid="webhook-notice">
          <Alert tone={notice.tone === 'success' ? 'success' : 'danger'}>{notice.text}</Alert>
        </div>
      )}
      <Card title="Settings">
        <dl className="detail-list">
          <dt>Status</dt>
          <dd>
            <SubscriptionStatus subscription={subscription} />
          </dd>
          <dt>URL</dt>
          <dd className="cell-break">
            <code>{subscription.url}</code>
          </dd>
          <dt>Events</dt>
          <dd>{subscription.eventTypes.map((type) => EVENT_TYPE_LABELS[type as EventType] ?? type).join(', ')}</dd>
          <dt>Retries</dt>
          <dd>
            {subscription.retryPolicy.maxAttempts} attempts, {subscription.retryPolicy.timeoutMs / 1000} s each
          </dd>
        </dl>
      </Card>
      <SubscriptionStats subscriptionId={subscription.id} />
      <DeliveryLog subscriptionId={subscription.id} />
      {dialog === 'edit' && <SubscriptionFormDialog subscription={subscription} onClose={() => setDialog(null)} />}
      {dialog === 'rotate' && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          message="Deliveries are signed with the new secret from now on: update your receiver right away."
          confirmLabel="Rotate secret"
          onConfirm={async () => setSecret(await rotateSecret(subscription.id))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete “${subscription.name}”?`}
          message="No more events are sent to it, and its delivery log goes too."
          confirmLabel="Delete webhook"
          onConfirm={async () => {
            await deleteSubscription(subscription.id);
            await refresh();
            void navigate('/settings/webhooks');
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {secret && (
        <Modal title="Your new signing secret" onClose={() => setSecret(null)} dismissible={false}>
          <SecretReveal secret={secret.secret} onDone={() => setSecret(null)} />
        </Modal>
      )}
    </div>
  );
}
