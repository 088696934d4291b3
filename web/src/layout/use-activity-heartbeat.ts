// Tells the server this member has the app open, every HEARTBEAT_SECONDS, and whether they used it
// since the last beat (keys, clicks, scrolling, pointer). The server turns silence into away or
// offline (docs/routing.md); the first beat after a while away brings an automatic status back.
import { useEffect } from 'react';
import { HEARTBEAT_SECONDS } from '#api/routing/schemas';
import { sendHeartbeat } from '../api/routing-api.ts';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

export function useActivityHeartbeat(enabled: boolean): void {
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
      sendHeartbeat(active).catch(() => undefined); // offline for a moment: the next beat catches up
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_SECONDS * 1000);
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, markActive));
    };
  }, [enabled]);
}
