// At start, makes sure the simulator knows every tenant's Sandbox number (a standalone simulator
// may have restarted with an empty memory). Runs in the background; the platform does not wait.
import type { AppDeps } from '#api/context';
import { activateSandboxChannel } from '#api/sandbox/activate-sandbox';
import { createTenantDb } from '#db/tenant-db';

export async function syncSandboxNumbers(deps: AppDeps): Promise<void> {
  if (!deps.sandbox) {
    return;
  }
  const channels = await deps.prisma.channel.findMany({
    where: { kind: 'sandbox' },
    select: { id: true, tenantId: true },
  });
  for (const channel of channels) {
    await activateSandboxChannel(createTenantDb(deps.prisma, channel.tenantId), deps, channel.id);
  }
}
