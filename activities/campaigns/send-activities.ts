// The campaign workflow's sending activity, registered by the worker (activities/index.ts).
import type { ActivityDeps } from '../deps.ts';
import { createSendCampaignPageActivity } from './send-page.ts';

export function createCampaignSendActivities(deps: ActivityDeps) {
  return { sendCampaignPage: createSendCampaignPageActivity(deps) };
}
