// The demo workspace `npm start` seeds on first run, through the same provisioning workflow as
// any sign-up, with a published chatbot (demo-flow.ts) created and published through the same
// operations as the Flows API. The generated password is kept in the data folder so every start
// can print it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '#api/context';
import { hashPassword } from '#api/auth/passwords';
import { ALL_PERMISSIONS } from '#api/auth/permissions';
import { createCampaign } from '#api/campaigns/manage-campaigns';
import { createCampaignInputSchema } from '#api/campaigns/schemas';
import type { TenantContext } from '#api/context';
import { insertFlow } from '#api/flows/create-flow';
import { publishFlow } from '#api/flows/publish-flow';
import { provisionWorkspace } from '#api/workspace/provision-workspace';
import { createTenantDb } from '#db/tenant-db';
import { flowDocumentSchema } from '#flow-dsl/document';
import { randomToken } from '#lib/tokens';
import { DEMO_FLOW_NAME, demoFlowDocument } from './demo-flow.ts';

export const DEMO_EMAIL = 'demo@parley.local';

export type DemoLogin = { email: string; password: string | null };

export async function seedDemoTenant(deps: AppDeps, dataDir: string): Promise<DemoLogin> {
  const file = path.resolve(dataDir, 'demo-login.json');
  const existing = await deps.prisma.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) {
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin) : null;
    return { email: DEMO_EMAIL, password: saved?.password ?? null };
  }
  const password = randomToken(9);
  const user = await deps.prisma.user.create({
    data: { email: DEMO_EMAIL, name: 'Demo Owner', passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  const { tenantId } = await provisionWorkspace(deps, {
    name: 'Demo Workspace',
    ownerUserId: user.id,
    withDemoData: true,
  });
  await seedDemoFlow(deps, { tenantId, userId: user.id });
  const login = { email: DEMO_EMAIL, password };
  writeFileSync(file, JSON.stringify(login, null, 2), { mode: 0o600 });
  return login;
}

async function seedDemoFlow(deps: AppDeps, owner: { tenantId: string; userId: string }): Promise<void> {
  const db = createTenantDb(deps.prisma, owner.tenantId);
  const membership = await db.membership.findFirstOrThrow({
    where: { userId: owner.userId },
    select: { roleId: true },
  });
  const { prisma: _unscoped, ...services } = deps;
  const ctx: TenantContext = {
    services,
    db,
    meta: { ip: '127.0.0.1', userAgent: 'npm start', requestId: 'seed-demo' },
    principal: {
      kind: 'user',
      userId: owner.userId,
      email: DEMO_EMAIL,
      sessionId: 'seed-demo',
      tenantId: owner.tenantId,
      roleId: membership.roleId,
      permissions: new Set(ALL_PERMISSIONS),
      mfaEnrollmentRequired: false,
    },
  };
  const flow = await insertFlow(ctx, {
    name: DEMO_FLOW_NAME,
    description: demoFlowDocument.description ?? '',
    document: flowDocumentSchema.parse(demoFlowDocument),
  });
  await publishFlow(flow.id, ctx);
  await seedDemoCampaign(ctx);
}

/** An example draft campaign on the Sandbox number, to open and launch (none without a number). */
async function seedDemoCampaign(ctx: TenantContext): Promise<void> {
  const channel = await ctx.db.channel.findFirst({ select: { id: true } });
  if (!channel) {
    return;
  }
  await createCampaign(
    createCampaignInputSchema.parse({
      name: 'Welcome offer (example)',
      channelId: channel.id,
      audience: { allContacts: true },
      variants: [
        {
          label: 'A',
          weight: 100,
          message: { kind: 'text', text: 'Thanks for chatting with us! Reply OFFER for 10% off your next order.' },
        },
      ],
      quietHours: { from: '21:00', to: '08:00' },
    }),
    ctx,
  );
}
