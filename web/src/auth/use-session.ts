// React access to the session store, plus the permission check that hides what a role cannot do.
import { useCallback, useSyncExternalStore } from 'react';
import type { Permission } from '#api/auth/permissions';
import type { Session } from '#api/auth/schemas';
import { sessionStore, type SessionState } from './session-store.ts';

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The session inside the signed-in part of the app (RequireSession guarantees there is one). */
export function useSession(): Session {
  const state = useSessionState();
  if (state.status !== 'signed-in') {
    throw new Error('useSession() used outside the signed-in app');
  }
  return state.session;
}

export function useCan(): (permission: Permission) => boolean {
  const { tenant } = useSession();
  return useCallback((permission: Permission) => tenant.permissions.includes(permission), [tenant.permissions]);
}
