// The signed-in session, kept in memory only (the refresh cookie is what survives a reload). A
// plain store rather than React state because the API client updates it outside React.
import type { Session } from '#api/auth/schemas';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'signed-out' | 'expired' | 'anonymous' }
  | { status: 'signed-in'; session: Session };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) {
    listener();
  }
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setSession(session: Session): void {
    publish({ status: 'signed-in', session });
  },
  clear(reason: 'signed-out' | 'expired' | 'anonymous'): void {
    publish({ status: 'signed-out', reason });
  },
  /** The API said the workspace now requires 2FA: send the user to the Security page. */
  markMfaEnrollmentRequired(): void {
    if (state.status === 'signed-in' && !state.session.mfaEnrollmentRequired) {
      publish({ status: 'signed-in', session: { ...state.session, mfaEnrollmentRequired: true } });
    }
  },
};

export function getAccessToken(): string | null {
  return state.status === 'signed-in' ? state.session.accessToken : null;
}
