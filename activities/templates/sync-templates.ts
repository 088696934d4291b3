// The template sync's one activity (api/templates/sync-templates.ts does the work).
import { syncAllTemplates } from '#api/templates/sync-templates';
import type { SyncResult } from '#api/templates/schemas';
import type { ActivityDeps } from '../deps.ts';

export function createSyncTemplatesActivity(deps: ActivityDeps) {
  return function syncAllTemplatesActivity(): Promise<SyncResult> {
    return syncAllTemplates(deps);
  };
}
