// Actions that replace or end the session. Cached data belongs to one workspace, so it is dropped
// whenever the session changes hands; the app shell also remounts its pages per workspace.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Session } from '#api/auth/schemas';
import { fetchSession, logOut } from '../api/auth-api.ts';
import { sessionStore } from './session-store.ts';

export function useSessionActions() {
  const queryClient = useQueryClient();

  /** A session for another workspace (switch, create): start from an empty cache. */
  const enterWorkspace = useCallback(
    (session: Session) => {
      queryClient.clear();
      sessionStore.setSession(session);
    },
    [queryClient],
  );

  /** Same workspace, new facts (renamed, 2FA turned on): refresh the session payload only. */
  const reloadSession = useCallback(async () => {
    sessionStore.setSession(await fetchSession());
  }, []);

  const signOut = useCallback(async () => {
    await logOut().catch(() => undefined);
    sessionStore.clear('signed-out');
    queryClient.clear();
  }, [queryClient]);

  return { enterWorkspace, reloadSession, signOut };
}
