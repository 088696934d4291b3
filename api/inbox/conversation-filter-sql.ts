// The list's filters as one SQL condition on the conversation `cv` and its contact `ct`. Every
// filter of conversationFilterSchema is here; each is written so an index can serve it (see the
// inbox indexes migration and docs/inbox.md).
import { Prisma } from '#db/client';
import { AppError } from '../errors.ts';
import { slaFilterSql } from '../sla/sla-filter-sql.ts';
import { scopeSql, type ConversationScope } from './conversation-scope.ts';
import type { ConversationFilter, ConversationStatus } from './schemas.ts';
import { searchTsquery } from './search-query.ts';

export type FilterContext = {
  tenantId: string;
  scope: ConversationScope;
  userId: string | null;
  now: Date;
  /** How a search is matched (searchModeSql): against the few hits, or probed row by row. */
  searchMode?: 'hits' | 'probe';
};

export function conversationFilterSql(filter: ConversationFilter, fc: FilterContext): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`cv."tenantId" = ${fc.tenantId}::uuid`, scopeSql(fc.scope)];
  const now = fc.now.toISOString();
  if (filter.status) {
    conditions.push(
      Prisma.sql`(${Prisma.join(
        filter.status.map((status) => statusSql(status, now)),
        ' OR ',
      )})`,
    );
  }
  if (filter.assignee) {
    conditions.push(assigneeSql(filter.assignee, fc.userId));
  }
  if (filter.teamId) {
    conditions.push(
      filter.teamId === 'none' ? Prisma.sql`cv."teamId" IS NULL` : Prisma.sql`cv."teamId" = ${filter.teamId}::uuid`,
    );
  }
  if (filter.channelId) {
    conditions.push(Prisma.sql`cv."channelId" = ANY(${filter.channelId}::uuid[])`);
  }
  if (filter.contactId) {
    conditions.push(Prisma.sql`cv."contactId" = ${filter.contactId}::uuid`);
  }
  if (filter.tagIds) {
    conditions.push(tagsSql(filter.tagIds, filter.tagMatch));
  }
  if (filter.priority) {
    conditions.push(Prisma.sql`cv.priority = ANY(${filter.priority}::text[])`);
  }
  if (filter.unread !== undefined) {
    conditions.push(filter.unread ? Prisma.sql`cv."unreadCount" > 0` : Prisma.sql`cv."unreadCount" = 0`);
  }
  const dateColumn = filter.dateField === 'created' ? Prisma.sql`cv."createdAt"` : Prisma.sql`cv."lastMessageAt"`;
  if (filter.from) {
    conditions.push(Prisma.sql`${dateColumn} >= ${filter.from.toISOString()}::timestamp(3)`);
  }
  if (filter.to) {
    conditions.push(Prisma.sql`${dateColumn} <= ${filter.to.toISOString()}::timestamp(3)`);
  }
  // Contact filters select the contacts first (their GIN indexes), then the conversations of them.
  const contact: Prisma.Sql[] = [];
  if (filter.contactTags) {
    contact.push(Prisma.sql`ct.tags && ${filter.contactTags}::text[]`);
  }
  if (filter.fields) {
    contact.push(Prisma.sql`ct.fields @> ${JSON.stringify(filter.fields)}::jsonb`);
  }
  if (contact.length > 0) {
    conditions.push(Prisma.sql`cv."contactId" IN (
      SELECT ct.id FROM "Contact" ct WHERE ct."tenantId" = ${fc.tenantId}::uuid AND ${Prisma.join(contact, ' AND ')}
    )`);
  }
  if (filter.search) {
    conditions.push(
      fc.searchMode === 'probe'
        ? searchProbeSql(filter.search, fc.tenantId)
        : Prisma.sql`cv.id IN (SELECT id FROM search_hits)`,
    );
  }
  if (filter.sla) {
    conditions.push(slaFilterSql(filter.sla, now));
  }
  return Prisma.join(conditions, ' AND ');
}

/** A conversation's status as the inbox shows it: a snooze whose time has come is open again. */
export function effectiveStatusSql(now: string): Prisma.Sql {
  return Prisma.sql`CASE WHEN cv.status = 'snoozed' AND cv."snoozedUntil" <= ${now}::timestamp(3) THEN 'open' ELSE cv.status END`;
}

function statusSql(status: ConversationStatus, now: string): Prisma.Sql {
  if (status === 'open') {
    return Prisma.sql`(cv.status = 'open' OR (cv.status = 'snoozed' AND cv."snoozedUntil" <= ${now}::timestamp(3)))`;
  }
  if (status === 'snoozed') {
    return Prisma.sql`(cv.status = 'snoozed' AND (cv."snoozedUntil" IS NULL OR cv."snoozedUntil" > ${now}::timestamp(3)))`;
  }
  return Prisma.sql`cv.status = ${status}`;
}

function assigneeSql(assignee: NonNullable<ConversationFilter['assignee']>, userId: string | null): Prisma.Sql {
  if (assignee === 'unassigned') {
    return Prisma.sql`cv."assigneeUserId" IS NULL`;
  }
  if (assignee === 'assigned') {
    return Prisma.sql`cv."assigneeUserId" IS NOT NULL`;
  }
  if (assignee === 'me') {
    if (!userId) {
      throw AppError.field('assignee', '"me" needs a signed-in member: an API key is nobody; give a user id');
    }
    return Prisma.sql`cv."assigneeUserId" = ${userId}::uuid`;
  }
  return Prisma.sql`cv."assigneeUserId" = ${assignee}::uuid`;
}

function tagsSql(tagIds: string[], match: 'any' | 'all'): Prisma.Sql {
  if (match === 'any') {
    return Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" x WHERE x."conversationId" = cv.id AND x."tagId" = ANY(${tagIds}::uuid[]))`;
  }
  const distinct = [...new Set(tagIds)];
  return Prisma.sql`(SELECT count(*) FROM "ConversationTag" x WHERE x."conversationId" = cv.id AND x."tagId" = ANY(${distinct}::uuid[])) = ${distinct.length}`;
}

/**
 * The conversations a search matches, as a CTE named search_hits for the list's statement: those
 * whose contact (name, profile name, number) or one of whose messages holds every word. Both
 * sides are GIN index scans; MATERIALIZED keeps the planner from probing the conversations one by
 * one instead (it misjudges prefix queries, and a rare word then costs a scan of the inbox).
 */
export function searchHitsSql(search: string, tenantId: string): Prisma.Sql {
  const query = searchTsquery(search);
  return Prisma.sql`search_hits AS MATERIALIZED (
    SELECT m."conversationId" AS id FROM "Message" m
    WHERE m."tenantId" = ${tenantId}::uuid AND m."searchVector" @@ ${query}
    UNION
    SELECT c.id FROM "Contact" ct JOIN "Conversation" c ON c."contactId" = ct.id AND c."tenantId" = ${tenantId}::uuid
    WHERE ct."tenantId" = ${tenantId}::uuid AND ct."searchVector" @@ ${query}
  )`;
}

/**
 * Whether a search has few matching messages (at most SEARCH_HITS_CAP): then the list reads the
 * hits (search_hits), else it walks its own index in order and probes each conversation's messages
 * until the page is full, which stops early exactly when matches are everywhere. A scalar
 * sub-select, not EXISTS: inside an OR, EXISTS becomes a hashed sub-plan over every match again.
 */
export const SEARCH_HITS_CAP = 1000;

export function searchCountSql(search: string, tenantId: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (
    SELECT 1 FROM "Message" m WHERE m."tenantId" = ${tenantId}::uuid AND m."searchVector" @@ ${searchTsquery(search)}
    LIMIT ${SEARCH_HITS_CAP + 1}
  ) x`;
}

function searchProbeSql(search: string, tenantId: string): Prisma.Sql {
  const query = searchTsquery(search);
  // ts_match_vq is what @@ calls, written as a function so the planner cannot serve it from the
  // GIN index: it would rebuild the bitmap of every match (tens of thousands) for each probe.
  // Each conversation's few messages come off its own index and are tested one by one.
  return Prisma.sql`((SELECT 1 FROM "Message" m
      WHERE m."conversationId" = cv.id AND m."tenantId" = ${tenantId}::uuid AND ts_match_vq(m."searchVector", ${query}) LIMIT 1) IS NOT NULL
    OR cv."contactId" IN (
      SELECT ct.id FROM "Contact" ct WHERE ct."tenantId" = ${tenantId}::uuid AND ct."searchVector" @@ ${query}
    ))`;
}
