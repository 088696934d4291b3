import { ApiError, errorMessage } from '../../../api/api-error.ts';
import { Alert } from '../../../components/alert.tsx';

/** Meta's refusal names the credential it rejected; an unreachable Meta says nothing about them. */
export function ChannelActionFailure({ action, error }: { action: 'verify' | 'health'; error: unknown }) {
  if (error instanceof ApiError && error.code === 'UNAVAILABLE') {
    return (
      <Alert tone="danger" title="Meta could not be reached">
        The credentials were not checked. Make sure this server can reach Meta’s Graph API, then try again.
        <span className="alert-detail">{error.message}</span>
      </Alert>
    );
  }
  // The API answers 500 when the number has no health schedule yet (only Verify creates one).
  if (action === 'health' && error instanceof ApiError && error.status === 500) {
    return (
      <Alert tone="danger" title="The health check could not start">
        Press Verify first: it checks the number now and starts its regular health checks.
      </Alert>
    );
  }
  const text =
    error instanceof ApiError && error.fields.length > 0
      ? error.fields.map((f) => f.message).join(' ')
      : errorMessage(error);
  return (
    <Alert tone="danger" title={action === 'verify' ? 'Verification failed' : 'The health check could not start'}>
      {text}
    </Alert>
  );
}
