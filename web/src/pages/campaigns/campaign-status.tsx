// Campaign and run statuses as badges, and which actions each status allows (the API refuses the
// others with a 409; the UI only offers what can work).
import type { CampaignStatus, RunStatus } from '#api/campaigns/schemas';
import { Badge, type BadgeTone } from '../../components/badge.tsx';

const TONES: Record<CampaignStatus | RunStatus, BadgeTone> = {
  draft: 'neutral',
  scheduled: 'blue',
  preparing: 'blue',
  waiting: 'blue',
  running: 'green',
  testing: 'green',
  paused: 'amber',
  completed: 'neutral',
  cancelled: 'neutral',
  failed: 'red',
};

export const STATUS_LABELS: Record<CampaignStatus | RunStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  preparing: 'Preparing',
  waiting: 'Waiting for the winner',
  running: 'Sending',
  testing: 'Testing variants',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus | RunStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export type AllowedActions = {
  edit: boolean;
  pause: boolean;
  resume: boolean;
  cancel: boolean;
  remove: boolean;
  launch: boolean;
};

export function allowedActions(status: CampaignStatus): AllowedActions {
  return {
    edit: status === 'draft' || status === 'scheduled',
    launch: status === 'draft',
    pause: status === 'running',
    resume: status === 'paused',
    cancel: status === 'running' || status === 'paused' || status === 'scheduled',
    // A campaign that is sending or waiting to is cancelled first; its results go with it.
    remove: status === 'draft' || status === 'cancelled' || status === 'completed' || status === 'failed',
  };
}
