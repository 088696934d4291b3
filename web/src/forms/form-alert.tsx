// The form-level error: the server's message, with a live countdown when the API throttles us.
import { useEffect, useState } from 'react';
import { ApiError, errorMessage, formatWait } from '../api/api-error.ts';
import { Alert } from '../components/alert.tsx';

export function FormAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) {
    return null;
  }
  if (error instanceof ApiError && error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
    return <RateLimitAlert key={error.retryAfterSeconds} seconds={error.retryAfterSeconds} />;
  }
  return <Alert tone="danger">{errorMessage(error)}</Alert>;
}

function RateLimitAlert({ seconds }: { seconds: number }) {
  const [until] = useState(() => Date.now() + seconds * 1000);
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return (
    <Alert tone="warning" title="Too many attempts">
      {left > 0 ? `For your security, try again in ${formatWait(left)}.` : 'You can try again now.'}
    </Alert>
  );
}
