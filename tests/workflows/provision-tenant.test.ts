import { provisionTenantWorkflow } from '#workflows/provision-tenant/workflow';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

async function newTenantAndUser(suffix: string) {
  const tenant = await app.prisma.tenant.create({
    data: { name: `Provisioned ${suffix}`, slug: `prov-${suffix}-${Date.now()}` },
  });
  const user = await app.prisma.user.create({
    data: { email: `prov-${suffix}-${Date.now()}@example.com`, name: 'P', passwordHash: 'x' },
  });
  return { tenantId: tenant.id, userId: user.id };
}

function run(tenantId: string, ownerUserId: string, workflowId: string, withDemoData = false) {
  return app.deps.temporal.workflow.execute(provisionTenantWorkflow, {
    taskQueue: app.deps.env.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [{ tenantId, ownerUserId, withDemoData }],
  });
}

describe('[workflows] provisionTenant', () => {
  it('builds the workspace and opens it', async () => {
    const { tenantId, userId } = await newTenantAndUser('a');
    await run(tenantId, userId, `test-provision-${tenantId}`, true);

    const roles = await app.prisma.role.findMany({ where: { tenantId }, orderBy: { name: 'asc' } });
    expect(roles.map((r) => [r.name, r.isSystem])).toEqual([
      ['Admin', true],
      ['Agent', true],
      ['Manager', true],
      ['Owner', true],
      ['Supervisor', false],
    ]);
    const membership = await app.prisma.membership.findFirstOrThrow({ where: { tenantId }, include: { role: true } });
    expect(membership).toMatchObject({ userId, role: { name: 'Owner' } });
    expect(await app.prisma.tenantSettings.findUnique({ where: { tenantId } })).toMatchObject({ timezone: 'UTC' });
    expect(await app.prisma.channel.findMany({ where: { tenantId } })).toEqual([
      expect.objectContaining({ kind: 'sandbox' }),
    ]);
    expect((await app.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).status).toBe('active');
  });

  it('running it again (a retry, a replayed start) creates nothing twice', async () => {
    const { tenantId, userId } = await newTenantAndUser('b');
    await run(tenantId, userId, `test-provision-${tenantId}-1`, true);
    await run(tenantId, userId, `test-provision-${tenantId}-2`, true);
    expect(await app.prisma.role.count({ where: { tenantId } })).toBe(5);
    expect(await app.prisma.membership.count({ where: { tenantId } })).toBe(1);
    expect(await app.prisma.channel.count({ where: { tenantId } })).toBe(1);
  });

  it('retries a failing step until it can succeed', async () => {
    const { tenantId } = await newTenantAndUser('c');
    const laterUserId = crypto.randomUUID();
    // The owner does not exist yet: adding the membership fails (foreign key) and Temporal retries it.
    const result = run(tenantId, laterUserId, `test-provision-${tenantId}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await app.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).status).toBe('provisioning');
    await app.prisma.user.create({
      data: { id: laterUserId, email: `late-${laterUserId}@example.com`, name: 'Late', passwordHash: 'x' },
    });
    await expect(result).resolves.toEqual({ tenantId });
    expect((await app.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).status).toBe('active');
  });
});
