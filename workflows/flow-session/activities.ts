// Activity proxies by kind, each with its own timeouts and retry policy. Permanent failures are
// thrown as non-retryable ApplicationFailures by the activities themselves, so the policies here
// only bound how long a transient problem (database, network, WhatsApp) is retried.
//
// Our own short work (bookkeeping, sends, contact changes) runs as local activities: the worker
// runs them inside the workflow task, so a bot reply costs no extra round trips through the
// Temporal server. That is most of a reply's latency, and most of the server's load when many
// customers chat at once. Calls to other people's servers stay ordinary activities.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

/** Session bookkeeping: the database comes back, so retry patiently. */
export const records = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * Messages to the customer. Transient WhatsApp errors retry (rate limits back off); a closed
 * window or a rejected number is non-retryable (SendRejected, SendFailed) and fails the session.
 */
export const sends = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** Contact and conversation changes in our own database. */
export const crm = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 10,
  },
});

/**
 * Other people's servers (webhook, Google Sheets, AI): a few attempts, then the node's failure
 * branch; a customer should not wait minutes for a flaky endpoint.
 */
export const external = proxyActivities<Activities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 3 },
});

/**
 * An http_request node: the node's own timeout per attempt (at most 30 s), three attempts. A
 * customer is waiting on the answer, so it runs as a local activity: no round trips through the
 * Temporal server between asking the API and answering the customer (sessions that started
 * before keep the ordinary activity: see the step).
 */
export function httpActivity(timeoutSeconds: number, local: boolean) {
  const options = {
    startToCloseTimeout: `${timeoutSeconds + 5} seconds`,
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 3 },
  } as const;
  return (local ? proxyLocalActivities<Activities>(options) : proxyActivities<Activities>(options)).httpRequest;
}
