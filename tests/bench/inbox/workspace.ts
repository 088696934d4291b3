// The benchmark's workspace, set up through the API as people would: an owner signs up, connects
// three WhatsApp numbers and invites agents, who accept from the invitation e-mail (kept in the
// outbox table when no SMTP server is configured). The first agent is the one the benchmark signs
// in as: "assignee=me" and the live connection are theirs.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { call } from '../bench-api.ts';

export type BenchChannel = { channelId: string; phoneNumberId: string; appSecret: string };
export type BenchWorkspace = {
  tenantId: string;
  channels: BenchChannel[];
  agent: { userId: string; token: string };
  agentUserIds: string[];
};

const AGENTS = 8;

export async function setUpWorkspace(base: string, db: pg.Client): Promise<BenchWorkspace> {
  const owner = await call(base, 'POST', '/api/auth/signup', undefined, {
    name: 'Bench Owner',
    email: `inbox-bench-${randomBytes(4).toString('hex')}@example.com`,
    password: 'bench password 123',
    workspaceName: 'Inbox bench',
  });
  const ownerToken = owner.accessToken as string;
  const channels: BenchChannel[] = [];
  for (const name of ['Support line', 'Sales line', 'Store line']) {
    const appSecret = randomBytes(16).toString('hex');
    const phoneNumberId = `1${Date.now()}${channels.length}`;
    const channel = await call(base, 'POST', '/api/channels', ownerToken, {
      name,
      wabaId: '123456789012',
      phoneNumberId,
      accessToken: `EAAG${randomBytes(12).toString('hex')}`,
      appSecret,
    });
    channels.push({ channelId: channel.id as string, phoneNumberId, appSecret });
  }
  const roles = await call(base, 'GET', '/api/roles?limit=100', ownerToken);
  const agentRole = (roles.items as Array<{ id: string; name: string }>).find((role) => role.name === 'Agent');
  if (!agentRole) {
    throw new Error('no Agent role in the new workspace');
  }
  const agents: Array<{ userId: string; token: string }> = [];
  for (let i = 0; i < AGENTS; i++) {
    const email = `agent-${i}-${randomBytes(3).toString('hex')}@example.com`;
    await call(base, 'POST', '/api/invitations', ownerToken, { email, roleId: agentRole.id });
    const mail = await db.query<{ text: string }>(
      `SELECT text FROM "OutboundEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    );
    const link = /\/invite\/([\w-]+)/.exec(mail.rows[0]?.text ?? '')?.[1];
    if (!link) {
      throw new Error(`no invitation e-mail for ${email}`);
    }
    const joined = await call(base, 'POST', '/api/invitations/accept', undefined, {
      token: link,
      name: `Agent ${i + 1}`,
      password: 'agent password 123',
    });
    agents.push({ userId: (joined.user as { id: string }).id, token: joined.accessToken as string });
  }
  return {
    tenantId: (owner.tenant as { id: string }).id,
    channels,
    agent: agents[0]!,
    agentUserIds: agents.map((agent) => agent.userId),
  };
}
