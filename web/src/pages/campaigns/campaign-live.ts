// What a live `campaign.progress` event refreshes: every campaign query (list, results, stats,
// recipients, calendar). A run emits one per batch, so at most one refresh per second goes out;
// the results page polls while a run sends, which picks up whatever a skipped event carried.
import type { QueryKey } from '@tanstack/react-query';
import { campaignsKey } from './campaigns-api.ts';

const MIN_INTERVAL_MS = 1_000;
let lastRefresh = Number.NEGATIVE_INFINITY;

export function campaignProgressKeys(now = Date.now()): QueryKey[] {
  if (now - lastRefresh < MIN_INTERVAL_MS) {
    return [];
  }
  lastRefresh = now;
  return [campaignsKey];
}
