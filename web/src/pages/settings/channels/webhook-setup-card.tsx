import { useWebhookSetup } from '../../../api/channels-api.ts';
import { Alert } from '../../../components/alert.tsx';
import { Card } from '../../../components/card.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';

/** Meta only delivers customers' messages once its webhook points here and passes the token check. */
export function WebhookSetupCard({ channelId }: { channelId: string }) {
  const setup = useWebhookSetup(channelId);
  return (
    <Card title="Webhook" description="Where Meta sends your customers’ messages and the delivery statuses.">
      {setup.isPending ? (
        <LoadingState />
      ) : setup.error ? (
        <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />
      ) : (
        <div className="form-stack">
          {!isReachableByMeta(setup.data.webhookUrl) && (
            <Alert tone="warning" title="Meta cannot reach this address">
              Meta only calls public https URLs. Set PUBLIC_URL to the address your Parley is reachable at.
            </Alert>
          )}
          <div className="field">
            <span className="field-label">Callback URL</span>
            <div className="secret-box">
              <code className="secret-value" data-testid="webhook-url">
                {setup.data.webhookUrl}
              </code>
              <CopyButton text={setup.data.webhookUrl} />
            </div>
          </div>
          <div className="field">
            <span className="field-label">Verify token</span>
            <div className="secret-box">
              <code className="secret-value" data-testid="verify-token">
                {setup.data.verifyToken}
              </code>
              <CopyButton text={setup.data.verifyToken} />
            </div>
          </div>
          <ol className="steps">
            <li>
              In Meta’s <strong>App Dashboard</strong>, open your app → WhatsApp → <strong>Configuration</strong> and
              press Edit under Webhook.
            </li>
            <li>
              Paste the <strong>callback URL</strong> and the <strong>verify token</strong> above, then press Verify and
              save. Meta calls Parley once to check the token.
            </li>
            <li>
              Under Webhook fields, <strong>subscribe to messages</strong>: that carries both incoming messages and
              delivery statuses.
            </li>
          </ol>
        </div>
      )}
    </Card>
  );
}

function isReachableByMeta(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}
