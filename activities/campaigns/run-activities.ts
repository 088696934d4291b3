// The campaign workflow's own activities (workflows/campaign/workflow.ts): preparing a run, the
// A/B test's winner, reading the campaign's status between pages, and finishing. The sending
// itself is send-activities.ts.
import type { ChooseWinnerInput, FinishRunInput, PrepareRunInput, RunControlInput } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { chooseCampaignWinner } from './choose-winner.ts';
import { finishCampaignRun } from './finish-run.ts';
import { prepareCampaignRun } from './prepare-run.ts';
import { campaignRunControl } from './run-control.ts';

export function createCampaignRunActivities(deps: ActivityDeps) {
  return {
    prepareCampaignRun: (input: PrepareRunInput) => prepareCampaignRun(deps, input),
    chooseCampaignWinner: (input: ChooseWinnerInput) => chooseCampaignWinner(deps, input),
    campaignRunControl: (input: RunControlInput) => campaignRunControl(deps, input),
    finishCampaignRun: (input: FinishRunInput) => finishCampaignRun(deps, input),
  };
}

export type CampaignRunActivities = ReturnType<typeof createCampaignRunActivities>;
