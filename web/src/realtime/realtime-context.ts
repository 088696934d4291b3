import { createContext, useContext } from 'react';

/** Offline: the live connection has been down for a few seconds (blips and token swaps are not shown). */
export type RealtimeStatus = { isOffline: boolean };

export const RealtimeContext = createContext<RealtimeStatus>({ isOffline: false });

export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext);
}
