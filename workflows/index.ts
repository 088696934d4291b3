// Every workflow the Parley worker runs. The worker bundles this file (workflowsPath).
export { provisionTenantWorkflow } from './provision-tenant/workflow.ts';
export { sendMessageWorkflow } from './send-message/workflow.ts';
export { downloadMediaWorkflow } from './download-media/workflow.ts';
export { channelHealthWorkflow } from './channel-health/workflow.ts';
export { flowSessionWorkflow } from './flow-session/workflow.ts';
export { scheduledMessageWorkflow } from './scheduled-message/workflow.ts';
export { routingSweepWorkflow } from './routing-sweep/workflow.ts';
export { contactImportWorkflow } from './contact-import/workflow.ts';
export { templateSyncWorkflow } from './template-sync/workflow.ts';
export { campaignWorkflow } from './campaign/workflow.ts';
export { automationWorkflow } from './automation/workflow.ts';
export { automationScheduleWorkflow } from './automation/schedule-workflow.ts';
export { webhookDeliveryWorkflow } from './webhook-delivery/workflow.ts';
export { webhookSweepWorkflow } from './webhook-sweep/workflow.ts';
