// The live connection: one Socket.IO client per access token (a refreshed token or another
// workspace means a new handshake, since the server checks the token and picks the tenant room only
// then). Events invalidate the react-query caches they concern; pages stay plain queries. The
// tab's place in the workspace's event stream outlives the socket, so after a drop or a token
// swap the new connection catches up on exactly what was missed (live-connection.ts).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { refreshSession } from '../auth/refresh-session.ts';
import { useSession } from '../auth/use-session.ts';
import { bindLiveConnection } from './live-connection.ts';
import { invalidateAllLive, invalidateForEvents } from './live-invalidation.ts';
import { useLiveNotifier } from '../notifications/use-live-notifier.ts';
import { createLiveSequence, type LiveSequence } from './live-sequence.ts';
import { RealtimeContext } from './realtime-context.ts';

const OFFLINE_GRACE_MS = 3000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { accessToken, user, tenant, mfaEnrollmentRequired } = useSession();
  const queryClient = useQueryClient();
  const [isOffline, setOffline] = useState(false);
  const sequenceRef = useRef<LiveSequence | null>(null);
  const notify = useLiveNotifier(user.id);

  useEffect(() => {
    // The server refuses sockets until the required 2FA is set up; the app is limited to Security then.
    if (mfaEnrollmentRequired) {
      return;
    }
    if (sequenceRef.current?.tenantId !== tenant.id) {
      sequenceRef.current = createLiveSequence(tenant.id);
    }
    const socket = io({ path: '/socket.io', auth: { token: accessToken } });
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    const wentDown = () => {
      offlineTimer ??= setTimeout(() => setOffline(true), OFFLINE_GRACE_MS);
    };
    socket.on('connect', () => {
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      setOffline(false);
    });
    socket.on('disconnect', wentDown);
    socket.on('connect_error', (error) => {
      wentDown();
      // A refused handshake is not retried by Socket.IO. An expired token gets refreshed, which
      // changes accessToken and so reruns this effect with a new socket.
      if (!socket.active && error.message === 'UNAUTHENTICATED') {
        void refreshSession();
      }
    });
    const unbind = bindLiveConnection({
      socket,
      sequence: sequenceRef.current,
      apply: (events) => {
        invalidateForEvents(queryClient, events, user.id);
        notify(events);
      },
      refetchAll: () => invalidateAllLive(queryClient),
    });
    return () => {
      clearTimeout(offlineTimer);
      unbind();
      socket.disconnect();
    };
  }, [accessToken, mfaEnrollmentRequired, notify, queryClient, tenant.id, user.id]);

  return <RealtimeContext value={{ isOffline }}>{children}</RealtimeContext>;
}
