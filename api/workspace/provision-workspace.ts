// Creates a tenant and waits for its provisioning workflow, so that sign-up answers only once
// the workspace is ready. If Temporal is slow the workflow still finishes on its own; the caller
// gets a clear "still being set up" error instead of a half-made workspace.
import { randomBytes } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { provisionTenantWorkflowId, type ProvisionTenantInput } from '#workflows/provision-tenant/workflow';

const PROVISIONING_TIMEOUT_MS = 30_000;

export async function provisionWorkspace(
  deps: AppDeps,
  input: { name: string; ownerUserId: string; withDemoData?: boolean; slug?: string },
): Promise<{ tenantId: string }> {
  const tenant = await deps.prisma.tenant.create({
    data: { name: input.name, slug: input.slug ?? uniqueSlug(input.name), status: 'provisioning' },
    select: { id: true },
  });
  const args: ProvisionTenantInput = {
    tenantId: tenant.id,
    ownerUserId: input.ownerUserId,
    withDemoData: input.withDemoData ?? false,
  };
  const started = Date.now();
  const handle = await deps.temporal.workflow.start('provisionTenantWorkflow', {
    taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
    workflowId: provisionTenantWorkflowId(tenant.id),
    args: [args],
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'UNAVAILABLE',
            'Your workspace is taking longer than usual to set up: sign in again in a minute',
          ),
        ),
      PROVISIONING_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([handle.result(), timeout]);
  } catch (error) {
    if (error instanceof WorkflowFailedError) {
      deps.logger.error({ err: error, tenantId: tenant.id }, 'tenant provisioning failed');
      throw new AppError('INTERNAL', 'Setting up the workspace failed: the error was logged');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  deps.logger.info({ tenantId: tenant.id, ms: Date.now() - started }, 'workspace provisioned');
  return { tenantId: tenant.id };
}

function uniqueSlug(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${randomBytes(3).toString('hex')}`;
}
