// Exchanges the refresh cookie for a new session. The server rotates the cookie on every call, so
// concurrent callers (several 401s at once, the boot) share one request instead of racing.
import { sessionSchema, type Session } from '#api/auth/schemas';
import { readResponse, sendRequest } from '../api/http.ts';
import { sessionStore } from './session-store.ts';

let inFlight: Promise<Session | null> | null = null;

export function refreshSession(): Promise<Session | null> {
  inFlight ??= doRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function doRefresh(): Promise<Session | null> {
  try {
    const response = await sendRequest('/api/auth/refresh', { method: 'POST' }, null);
    const session = await readResponse(response, sessionSchema);
    sessionStore.setSession(session);
    return session;
  } catch {
    return null;
  }
}

/** On page load: restore the session from the cookie, or settle as signed out. */
export async function bootstrapSession(): Promise<void> {
  const session = await refreshSession();
  if (!session) {
    sessionStore.clear('anonymous');
  }
}
