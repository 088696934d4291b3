// Every activity the Parley worker registers, built from explicit dependencies so tests can pass
// their own database and simulator (docs/conventions.md #7).
import { createAutomationActivities } from './automations/index.ts';
import { createCampaignRunActivities } from './campaigns/run-activities.ts';
import { createCampaignSendActivities } from './campaigns/send-activities.ts';
import { createCheckChannelHealthActivity } from './channels/check-channel-health.ts';
import { createContactImportActivities } from './contact-imports/import-contacts.ts';
import type { ActivityDeps } from './deps.ts';
import { createFlowActivities } from './flows/index.ts';
import { createMediaActivities } from './media/download-media.ts';
import { createDeliverMessageActivity } from './messaging/deliver-message.ts';
import { createMarkMessageFailedActivity } from './messaging/mark-message-failed.ts';
import { createOutgoingWebhookActivities } from './outgoing-webhooks/index.ts';
import { createSweepRoutingActivity } from './routing/sweep-routing.ts';
import { createScheduledMessageActivities } from './scheduled-messages/index.ts';
import { createTenantActivities } from './tenants/provision-tenant.ts';
import { createSyncTemplatesActivity } from './templates/sync-templates.ts';

export type { ActivityDeps };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createTenantActivities(deps),
    ...createMediaActivities(deps),
    deliverMessage: createDeliverMessageActivity(deps),
    markMessageFailed: createMarkMessageFailedActivity(deps),
    checkChannelHealth: createCheckChannelHealthActivity(deps),
    sweepRoutingActivity: createSweepRoutingActivity(deps),
    syncAllTemplatesActivity: createSyncTemplatesActivity(deps),
    ...createFlowActivities(deps),
    ...createScheduledMessageActivities(deps),
    ...createContactImportActivities(deps),
    ...createCampaignRunActivities(deps),
    ...createCampaignSendActivities(deps),
    ...createOutgoingWebhookActivities(deps),
    ...createAutomationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
