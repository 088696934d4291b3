// The routing sweep's one activity (api/routing/sweep.ts does the work).
import { sweepRouting, type SweepResult } from '#api/routing/sweep';
import type { ActivityDeps } from '../deps.ts';

export function createSweepRoutingActivity(deps: ActivityDeps) {
  return function sweepRoutingActivity(): Promise<SweepResult> {
    return sweepRouting(deps);
  };
}
