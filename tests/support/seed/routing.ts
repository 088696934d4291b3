// Routing test helpers: a workspace with a connected number and agents, customers writing in
// through signed webhooks (as Meta would), and agents setting their status and sending their web
// app's heartbeats through the API.
import { randomBytes } from 'node:crypto';
import { eventually } from '../eventually.ts';
import type { TestApp } from '../test-app.ts';
import { inboundWebhook, signedBody } from '../whatsapp-webhook.ts';
import { connectCloudChannel, type SeededChannel } from './channel.ts';
import { inviteAndJoin } from './invite.ts';
import { signUpTenant, type SeededTenant } from './tenant.ts';

export type Agent = { name: string; token: string; userId: string };
export type RoutingWorkspace = { owner: SeededTenant; channel: SeededChannel; agents: Agent[] };

export async function routingWorkspace(app: TestApp, agentNames: string[]): Promise<RoutingWorkspace> {
  const owner = await signUpTenant(app.http);
  const channel = await connectCloudChannel(app.http, owner.token);
  const agents: Agent[] = [];
  for (const name of agentNames) {
    const email = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@example.com`;
    const joined = await inviteAndJoin(app.http, app.prisma, owner.token, 'Agent', email);
    agents.push({ name, token: joined.token, userId: joined.memberUserId });
  }
  return { owner, channel, agents };
}

/** A team with these agents (in this order) and a rule sending every channel's conversations to it. */
export async function teamWithRule(
  app: TestApp,
  workspace: RoutingWorkspace,
  team: { name: string; assignment?: string; requiredSkills?: string[] },
  members: Array<{ agent: Agent; skills?: string[] }>,
): Promise<string> {
  const token = workspace.owner.token;
  const created = await app.http.post('/api/teams', team, { token });
  expect(created.status).toBe(201);
  for (const { agent, skills } of members) {
    const added = await app.http.post(
      `/api/teams/${created.body.id}/members`,
      { userId: agent.userId, skills: skills ?? [] },
      { token },
    );
    expect(added.status).toBe(201);
  }
  const rule = await app.http.post(
    '/api/routing/rules',
    { name: `To ${team.name}`, teamId: created.body.id },
    { token },
  );
  expect(rule.status).toBe(201);
  return created.body.id;
}

export async function setStatus(app: TestApp, agent: Agent, status: string): Promise<void> {
  const response = await app.http.put('/api/agent-statuses/me', { status }, { token: agent.token });
  expect(response.status).toBe(200);
}

/** One heartbeat from the agent's web app; resolves with the status it answers. */
export async function heartbeat(app: TestApp, agent: Agent, active: boolean) {
  const response = await app.http.post('/api/agent-statuses/me/heartbeat', { active }, { token: agent.token });
  expect(response.status).toBe(200);
  return response.body;
}

/** What the web app does while open: a heartbeat every second here (every 30 s in the app). */
export function keepAlive(app: TestApp, agent: Agent, active: boolean): () => void {
  const timer = setInterval(() => void heartbeat(app, agent, active).catch(() => undefined), 1000);
  return () => clearInterval(timer);
}

/** A member's status as the workspace sees it (`GET /api/agent-statuses`). */
export async function statusOf(app: TestApp, token: string, userId: string): Promise<string | undefined> {
  const response = await app.http.get('/api/agent-statuses', { token });
  return response.body.items.find((item: { userId: string }) => item.userId === userId)?.status;
}

/** A customer writes in; resolves with their conversation's id once it is stored. */
export async function customerWrites(
  app: TestApp,
  channel: SeededChannel,
  waId: string,
  text = 'hello',
): Promise<string> {
  const payload = inboundWebhook(channel.phoneNumberId, waId, `Customer ${waId}`, {
    type: 'text',
    text: { body: text },
  });
  const { body, signature } = signedBody(payload, channel.appSecret);
  const response = await app.http.request('POST', `/webhooks/whatsapp/${channel.channelId}`, {
    rawBody: body,
    headers: { 'x-hub-signature-256': signature },
  });
  expect(response.status).toBe(200);
  const conversation = await eventually(
    () => app.prisma.conversation.findFirst({ where: { channelId: channel.channelId, contact: { waId } } }),
    `the conversation of ${waId}`,
  );
  return conversation.id;
}

/** Waits until routing has given the conversation an agent; resolves with that agent's user id. */
export async function assigneeOf(app: TestApp, conversationId: string): Promise<string> {
  const conversation = await eventually(
    () => app.prisma.conversation.findFirst({ where: { id: conversationId, assigneeUserId: { not: null } } }),
    `an agent for conversation ${conversationId}`,
  );
  return conversation.assigneeUserId!;
}

/**
 * Waits until the conversation is with this agent. A status change is stored (and visible) before
 * the conversations it frees are handed on, so a check right after it would race.
 */
export async function waitForAssignee(app: TestApp, conversationId: string, agent: Agent): Promise<void> {
  await eventually(
    () => app.prisma.conversation.findFirst({ where: { id: conversationId, assigneeUserId: agent.userId } }),
    `conversation ${conversationId} to move to ${agent.name}`,
    30_000,
  );
}

export function waId(): string {
  return `1650555${Array.from(randomBytes(4), (b) => String(b % 10)).join('')}`;
}
