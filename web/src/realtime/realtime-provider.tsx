// The live connection: one Socket.IO client per access token (a refreshed token or another
// workspace means a new handshake, since the server checks the token and picks the tenant room only
// then). Events invalidate the react-query caches they concern; pages stay plain queries.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { refreshSession } from '../auth/refresh-session.ts';
import { useSession } from '../auth/use-session.ts';
import { LIVE_EVENTS, liveEventPayloadSchema } from './live-events.ts';
import { invalidateAllLive, invalidateForEvent } from './live-invalidation.ts';
import { RealtimeContext } from './realtime-context.ts';

const OFFLINE_GRACE_MS = 3000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { accessToken, user, mfaEnrollmentRequired } = useSession();
  const queryClient = useQueryClient();
  const [isOffline, setOffline] = useState(false);
  const hasConnectedBefore = useRef(false);

  useEffect(() => {
    // The server refuses sockets until the required 2FA is set up; the app is limited to Security then.
    if (mfaEnrollmentRequired) {
      return;
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
      if (hasConnectedBefore.current) {
        invalidateAllLive(queryClient);
      }
      hasConnectedBefore.current = true;
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
    for (const name of LIVE_EVENTS) {
      socket.on(name, (payload: unknown) => {
        const parsed = liveEventPayloadSchema.safeParse(payload);
        invalidateForEvent(queryClient, name, parsed.success ? parsed.data : {}, user.id);
      });
    }
    return () => {
      clearTimeout(offlineTimer);
      socket.disconnect();
    };
  }, [accessToken, mfaEnrollmentRequired, queryClient, user.id]);

  return <RealtimeContext value={{ isOffline }}>{children}</RealtimeContext>;
}
