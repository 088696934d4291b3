// Activities of the tenant-provisioning workflow. Each is idempotent (upserts keyed on natural
// keys), because Temporal may run an activity more than once.
import { createTenantDb } from '#db/tenant-db';
import { OWNER_ROLE, SYSTEM_ROLES } from '#api/auth/permissions';
import { activateSandboxChannel } from '#api/sandbox/activate-sandbox';
import type { ActivityDeps } from '../deps.ts';

export function createTenantActivities(deps: ActivityDeps) {
  const { prisma } = deps;
  const db = (tenantId: string) => createTenantDb(prisma, tenantId);
  return {
    async createSystemRoles(tenantId: string): Promise<void> {
      for (const role of SYSTEM_ROLES) {
        await db(tenantId).role.upsert({
          where: { tenantId_name: { tenantId, name: role.name } },
          create: {
            tenantId,
            name: role.name,
            description: role.description,
            permissions: [...role.permissions],
            isSystem: true,
          },
          update: { permissions: [...role.permissions], isSystem: true },
        });
      }
    },

    async createWorkspaceSettings(tenantId: string): Promise<void> {
      await db(tenantId).settings.upsert({ where: { tenantId }, create: { tenantId }, update: {} });
    },

    async addOwner(tenantId: string, userId: string): Promise<void> {
      const owner = await db(tenantId).role.findUniqueOrThrow({
        where: { tenantId_name: { tenantId, name: OWNER_ROLE } },
      });
      await db(tenantId).membership.upsert({
        where: { tenantId_userId: { tenantId, userId } },
        create: { tenantId, userId, roleId: owner.id },
        update: {},
      });
    },

    /** The Sandbox channel, connected to the simulator when the installation runs one. */
    async createSandboxChannel(tenantId: string): Promise<void> {
      const existing = await db(tenantId).channel.findFirst({ where: { kind: 'sandbox' }, select: { id: true } });
      const channel =
        existing ??
        (await db(tenantId).channel.create({
          data: { tenantId, kind: 'sandbox', name: 'Sandbox', status: 'pending' },
          select: { id: true },
        }));
      await activateSandboxChannel(db(tenantId), deps, channel.id);
    },

    async seedDemoData(tenantId: string): Promise<void> {
      await db(tenantId).role.upsert({
        where: { tenantId_name: { tenantId, name: 'Supervisor' } },
        create: {
          tenantId,
          name: 'Supervisor',
          description: 'Demo custom role: agents who can also assign conversations and read reports',
          permissions: ['inbox.view', 'inbox.reply', 'inbox.assign', 'contacts.view', 'templates.view', 'reports.view'],
        },
        update: {},
      });
    },

    async activateTenant(tenantId: string): Promise<void> {
      await db(tenantId).tenant.update({ where: { id: tenantId }, data: { status: 'active' } });
    },
  };
}
