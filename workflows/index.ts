// Every workflow the Parley worker runs. The worker bundles this file (workflowsPath).
export { provisionTenantWorkflow } from './provision-tenant/workflow.ts';
