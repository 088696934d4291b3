// Sets up a new tenant's workspace: built-in roles, settings, the owner's membership, a sandbox
// channel placeholder and, when asked, demo data; then opens the workspace. Every step is an
// idempotent activity, so retries and worker restarts finish the job without duplicates.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

export type ProvisionTenantInput = { tenantId: string; ownerUserId: string; withDemoData: boolean };

const steps = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

export function provisionTenantWorkflowId(tenantId: string): string {
  return `tenant-provisioning-${tenantId}`;
}

export async function provisionTenantWorkflow(input: ProvisionTenantInput): Promise<{ tenantId: string }> {
  await steps.createSystemRoles(input.tenantId);
  await Promise.all([
    steps.createWorkspaceSettings(input.tenantId),
    steps.addOwner(input.tenantId, input.ownerUserId),
    steps.createSandboxChannel(input.tenantId),
  ]);
  if (input.withDemoData) {
    await steps.seedDemoData(input.tenantId);
  }
  await steps.activateTenant(input.tenantId);
  return { tenantId: input.tenantId };
}
