// Conversations for inbox tests, written straight to the database (the inbox reads what ingestion
// and sending write; building hundreds of them through webhooks would only slow the tests).
import { randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '#db/client';

export type SeedConversation = {
  tenantId: string;
  channelId: string;
  name?: string | null;
  profileName?: string | null;
  waId?: string;
  contactTags?: string[];
  fields?: Record<string, unknown>;
  status?: string;
  priority?: string;
  snoozedUntil?: Date | null;
  assigneeUserId?: string | null;
  teamId?: string | null;
  unreadCount?: number;
  waitingSince?: Date | null;
  lastMessageAt?: Date;
  createdAt?: Date;
  lastInboundAt?: Date | null;
  messages?: Array<{ direction: 'inbound' | 'outbound'; text: string; at?: Date }>;
  tagIds?: string[];
};

export type SeededConversation = { id: string; contactId: string; waId: string };

export async function seedConversation(prisma: PrismaClient, input: SeedConversation): Promise<SeededConversation> {
  const waId = input.waId ?? `1${Array.from(randomBytes(10), (b) => String(b % 10)).join('')}`;
  const contact = await prisma.contact.create({
    data: {
      tenantId: input.tenantId,
      waId,
      phone: `+${waId}`,
      name: input.name ?? null,
      profileName: input.profileName ?? null,
      tags: input.contactTags ?? [],
      fields: (input.fields ?? {}) as object,
    },
  });
  const lastMessageAt = input.lastMessageAt ?? new Date();
  const conversation = await prisma.conversation.create({
    data: {
      id: randomUUID(),
      tenantId: input.tenantId,
      channelId: input.channelId,
      contactId: contact.id,
      status: input.status ?? 'open',
      priority: input.priority ?? 'none',
      snoozedUntil: input.snoozedUntil ?? null,
      assigneeUserId: input.assigneeUserId ?? null,
      teamId: input.teamId ?? null,
      unreadCount: input.unreadCount ?? 0,
      waitingSince: input.waitingSince ?? null,
      lastMessageAt,
      lastInboundAt: input.lastInboundAt === undefined ? lastMessageAt : input.lastInboundAt,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  for (const [index, message] of (input.messages ?? []).entries()) {
    await prisma.message.create({
      data: {
        tenantId: input.tenantId,
        conversationId: conversation.id,
        channelId: input.channelId,
        contactId: contact.id,
        direction: message.direction,
        type: 'text',
        content: { type: 'text', text: { body: message.text } },
        text: message.text,
        status: message.direction === 'inbound' ? 'received' : 'sent',
        createdAt: message.at ?? new Date(lastMessageAt.getTime() - (input.messages!.length - index) * 1000),
      },
    });
  }
  if (input.tagIds?.length) {
    await prisma.conversationTag.createMany({
      data: input.tagIds.map((tagId) => ({ tenantId: input.tenantId, conversationId: conversation.id, tagId })),
    });
  }
  return { id: conversation.id, contactId: contact.id, waId };
}

export async function seedTeam(prisma: PrismaClient, tenantId: string, name: string): Promise<string> {
  const team = await prisma.team.create({ data: { tenantId, name } });
  return team.id;
}

export async function seedTag(
  prisma: PrismaClient,
  tenantId: string,
  name: string,
  color = '#2563eb',
): Promise<string> {
  const tag = await prisma.tag.create({ data: { tenantId, name, color } });
  return tag.id;
}

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
