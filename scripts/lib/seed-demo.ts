// The demo workspace `npm start` seeds on first run, through the same provisioning workflow as
// any sign-up. The generated password is kept in the data folder so every start can print it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '#api/context';
import { hashPassword } from '#api/auth/passwords';
import { provisionWorkspace } from '#api/workspace/provision-workspace';
import { randomToken } from '#lib/tokens';

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
  await provisionWorkspace(deps, { name: 'Demo Workspace', ownerUserId: user.id, withDemoData: true });
  const login = { email: DEMO_EMAIL, password };
  writeFileSync(file, JSON.stringify(login, null, 2), { mode: 0o600 });
  return login;
}
