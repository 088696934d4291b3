// Tells the server this member has the app open, every HEARTBEAT_SECONDS, and whether they used it
// since the last beat (keys, clicks, scrolling, pointer). The server turns silence into away or
// offline (docs/routing.md); the first beat after a while away brings an automatic status back.
// Each beat answers the member's status; when it is not the one shown, the statuses are refetched:
// the first beat (online after opening the app) usually lands before the live socket has joined, so
// its agent.status_changed event never reaches this page.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { HEARTBEAT_SECONDS, type AgentStatus } from '#api/routing/schemas';
import { agentStatusesKey, sendHeartbeat } from '../api/routing-api.ts';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

export function useActivityHeartbeat(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let isActive = true; // opening the app is activity
    const markActive = () => {
      isActive = true;
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, markActive, { passive: true }));
    const beat = () => {
      const active = isActive && document.visibilityState === 'visible';
      isActive = false;
      sendHeartbeat(active).then(
        (mine) => {
          const list = queryClient.getQueryData<{ items: AgentStatus[] }>(agentStatusesKey);
          const shown = list?.items.find((item) => item.userId === mine.userId);
          if (shown?.status !== mine.status) {
            // Also restarts a fetch already under way, which may have read the status before the beat.
            void queryClient.invalidateQueries({ queryKey: agentStatusesKey });
          }
        },
        () => undefined, // offline for a moment: the next beat catches up
      );
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_SECONDS * 1000);
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, markActive));
    };
  }, [enabled, queryClient]);
}
