// One conversation as the inbox reads it: the statement that decorates a set of conversation ids
// (contact, channel, assignee, team, tags, last message) and the mapping to the list item. The
// list, the detail, the export and every action's answer use it, so they always agree.
import { Prisma } from '#db/client';
import { windowClosesAt } from '../messages/customer-window.ts';
import { slaOf } from '../sla/sla-state.ts';
import { effectiveStatusSql } from './conversation-filter-sql.ts';
import type { ConversationListItem, ConversationStatus, Priority } from './schemas.ts';

export type ConversationRow = {
  id: string;
  channelId: string;
  channelName: string;
  contactId: string;
  contactName: string | null;
  profileName: string | null;
  phone: string;
  waId: string;
  contactTags: string[];
  contactFields: unknown;
  lastSeenAt: Date | null;
  contactCreatedAt: Date;
  status: string;
  priority: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  teamName: string | null;
  tags: Array<{ id: string; name: string; color: string }> | null;
  unreadCount: number;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  waitingSince: Date | null;
  snoozedUntil: Date | null;
  assignedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  slaStartedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  lastText: string | null;
  lastType: string | null;
  lastDirection: 'inbound' | 'outbound' | null;
  lastAt: Date | null;
};

/**
 * Decorates the conversations of `source` (a subquery or CTE name selecting Conversation rows as
 * `cv`), in `orderBy` order. The last message is one index probe per row ((conversationId,
 * createdAt)), the tags one probe of ConversationTag's primary key.
 */
export function decoratedSql(source: Prisma.Sql, orderBy: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT cv.id, cv."channelId", ch.name AS "channelName",
      ct.id AS "contactId", ct.name AS "contactName", ct."profileName", ct.phone, ct."waId",
      ct.tags AS "contactTags", ct.fields AS "contactFields", ct."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt", ct."createdAt" AT TIME ZONE 'UTC' AS "contactCreatedAt",
      ${effectiveStatusSql(now.toISOString())} AS status, cv.priority,
      cv."assigneeUserId", u.name AS "assigneeName", cv."teamId", tm.name AS "teamName", tg.tags,
      cv."unreadCount", ${utc('lastMessageAt')}, ${utc('lastInboundAt')}, ${utc('waitingSince')}, ${utc('snoozedUntil')},
      ${utc('assignedAt')}, ${utc('closedAt')}, ${utc('createdAt')},
      ${utc('slaStartedAt')}, ${utc('firstResponseDueAt')}, ${utc('resolutionDueAt')},
      lm.text AS "lastText", lm.type AS "lastType", lm.direction AS "lastDirection", lm."createdAt" AT TIME ZONE 'UTC' AS "lastAt"
    FROM ${source} cv
    JOIN "Contact" ct ON ct.id = cv."contactId" AND ct."tenantId" = cv."tenantId"
    JOIN "Channel" ch ON ch.id = cv."channelId" AND ch."tenantId" = cv."tenantId"
    LEFT JOIN "User" u ON u.id = cv."assigneeUserId"
    LEFT JOIN "Team" tm ON tm.id = cv."teamId" AND tm."tenantId" = cv."tenantId"
    LEFT JOIN LATERAL (
      SELECT m.text, m.type, m.direction::text AS direction, m."createdAt" FROM "Message" m
      WHERE m."conversationId" = cv.id AND m."tenantId" = cv."tenantId" ORDER BY m."createdAt" DESC LIMIT 1
    ) lm ON TRUE
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY t.name) AS tags
      FROM "ConversationTag" x JOIN "Tag" t ON t.id = x."tagId" AND t."tenantId" = cv."tenantId"
      WHERE x."conversationId" = cv.id AND x."tenantId" = cv."tenantId"
    ) tg ON TRUE
    ORDER BY ${orderBy}`;
}

// Timestamps are stored as UTC without a zone; read as timestamptz so every driver gets the instant.
function utc(column: string): Prisma.Sql {
  return Prisma.raw(`cv."${column}" AT TIME ZONE 'UTC' AS "${column}"`);
}

export function toListItem(row: ConversationRow, now = Date.now()): ConversationListItem {
  const status = row.status as ConversationStatus;
  return {
    id: row.id,
    channelId: row.channelId,
    channel: { id: row.channelId, name: row.channelName },
    contact: {
      id: row.contactId,
      name: row.contactName,
      profileName: row.profileName,
      displayName: row.contactName || row.profileName || row.phone,
      phone: row.phone,
      waId: row.waId,
    },
    status,
    priority: row.priority as Priority,
    assignee: row.assigneeUserId ? { userId: row.assigneeUserId, name: row.assigneeName ?? '' } : null,
    team: row.teamId ? { id: row.teamId, name: row.teamName ?? '' } : null,
    tags: row.tags ?? [],
    unreadCount: row.unreadCount,
    lastMessage:
      row.lastAt && row.lastType && row.lastDirection
        ? { text: row.lastText, type: row.lastType, direction: row.lastDirection, at: row.lastAt }
        : null,
    lastMessageAt: row.lastMessageAt,
    lastInboundAt: row.lastInboundAt,
    windowClosesAt: windowClosesAt(row.lastInboundAt, now),
    waitingSince: row.waitingSince,
    // A snooze that has run out shows as open, without its old time.
    snoozedUntil: status === 'snoozed' ? row.snoozedUntil : null,
    createdAt: row.createdAt,
    sla: slaOf(row, new Date(now)),
  };
}
