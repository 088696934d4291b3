// Evaluating a condition tree for one workspace: its size, a page of its members, or all of its
// contact ids in batches (campaigns and automation). Nothing is cached: a segment is dynamic and
// is re-evaluated on every use. Each statement runs under the tenant's row-level security and
// names the tenant itself (segmentWhereSql).
import { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { CustomFieldType } from '../contacts/custom-field-schemas.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { contactVisibilitySql, type ContactVisibility } from '../contacts/contact-visibility.ts';
import type { SegmentGroup, SegmentNode } from './condition-schemas.ts';
import { segmentWhereSql, type SegmentSqlContext } from './compile-segment.ts';

export type SegmentOptions = {
  now?: Date;
  /** Where the tree sits in the request, for error paths; `condition` by default. */
  path?: string;
  /** Only the contacts a member may see (contact-visibility.ts); absent: every contact. */
  visibility?: ContactVisibility;
};

/**
 * What compiling a tree needs: the workspace's custom fields. Also checks that every group and
 * flow and campaign the tree names belongs to the workspace (else 400 naming the leaf's path).
 */
export async function loadSegmentContext(
  db: TenantDb,
  tree: SegmentGroup,
  options: SegmentOptions = {},
): Promise<SegmentSqlContext> {
  const path = options.path ?? 'condition';
  const refs = references(tree, path);
  const tenantId = db.tenantId;
  const [fields, groups, flows, campaigns] = await db.transaction((tx) =>
    Promise.all([
      tx.customField.findMany({ where: { tenantId }, select: { key: true, label: true, type: true, options: true } }),
      refs.groups.length > 0
        ? tx.contactGroup.findMany({
            where: { tenantId, id: { in: refs.groups.map((r) => r.id) } },
            select: { id: true },
          })
        : [],
      refs.flows.length > 0
        ? tx.flow.findMany({ where: { tenantId, id: { in: refs.flows.map((r) => r.id) } }, select: { id: true } })
        : [],
      refs.campaigns.length > 0
        ? tx.campaign.findMany({
            where: { tenantId, id: { in: refs.campaigns.map((r) => r.id) } },
            select: { id: true },
          })
        : [],
    ]),
  );
  const known = new Set([...groups, ...flows, ...campaigns].map((row) => row.id));
  const issues: FieldIssue[] = [
    ...refs.groups
      .filter((r) => !known.has(r.id))
      .map((r) => ({ field: r.path, message: 'is not a group of this workspace' })),
    ...refs.flows
      .filter((r) => !known.has(r.id))
      .map((r) => ({ field: r.path, message: 'is not a flow of this workspace' })),
    ...refs.campaigns
      .filter((r) => !known.has(r.id))
      .map((r) => ({ field: r.path, message: 'is not a campaign of this workspace' })),
  ];
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${issues[0]!.field}: ${issues[0]!.message}`, { fields: issues });
  }
  return {
    tenantId,
    now: options.now ?? new Date(),
    customFields: new Map(
      fields.map((f) => [f.key, { ...f, type: f.type as CustomFieldType, required: false }] as const),
    ),
  };
}

/** The tree validated and compiled for this workspace: a condition on "Contact" c. */
export async function compileSegmentWhere(
  db: TenantDb,
  tree: SegmentGroup,
  options: SegmentOptions = {},
): Promise<Prisma.Sql> {
  const where = segmentWhereSql(tree, await loadSegmentContext(db, tree, options), options.path);
  return options.visibility
    ? Prisma.sql`${where} AND ${contactVisibilitySql(options.visibility, Prisma.sql`c.id`)}`
    : where;
}

/** How many contacts of the workspace match the tree right now. */
export async function countSegment(db: TenantDb, tree: SegmentGroup, options: SegmentOptions = {}): Promise<number> {
  const where = await compileSegmentWhere(db, tree, options);
  const rows = await runSql<{ n: bigint }>(db, Prisma.sql`SELECT count(*) AS n FROM "Contact" c WHERE ${where}`);
  return Number(rows[0]?.n ?? 0);
}

export const segmentContactColumns = Prisma.sql`c.id, c.phone, c.name, c."profileName", c.email, c.language,
  c."timeZone", c."optInStatus", c."optInSource", c."optInAt", c.tags, c.fields, c."createdAt", c."lastSeenAt",
  c."lastInboundAt", c."lastOutboundAt", c."messagesReceivedCount", c."messagesSentCount",
  c."campaignsReceivedCount", c."flowsCompletedCount"`;

export type SegmentContactRow = {
  id: string;
  phone: string;
  name: string | null;
  profileName: string | null;
  email: string | null;
  language: string | null;
  timeZone: string | null;
  optInStatus: string;
  optInSource: string | null;
  optInAt: Date | null;
  tags: string[];
  fields: Record<string, unknown>;
  createdAt: Date;
  lastSeenAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  messagesReceivedCount: number;
  messagesSentCount: number;
  campaignsReceivedCount: number;
  flowsCompletedCount: number;
};

/** Members newest first, `limit` at a time; `cursor` is the last id of the previous page. */
export async function selectSegmentContacts(
  db: TenantDb,
  where: Prisma.Sql,
  page: { limit: number; cursor?: string | undefined },
): Promise<SegmentContactRow[]> {
  const after = page.cursor
    ? Prisma.sql`AND (c."createdAt", c.id) < (SELECT x."createdAt", x.id FROM "Contact" x
        WHERE x.id = ${page.cursor}::uuid AND x."tenantId" = ${db.tenantId}::uuid)`
    : Prisma.empty;
  return runSql<SegmentContactRow>(
    db,
    Prisma.sql`SELECT ${segmentContactColumns} FROM "Contact" c WHERE ${where} ${after}
      ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${page.limit}`,
  );
}

/**
 * Every matching contact id, `batchSize` at a time in id order, for campaigns and automation. The
 * tree is validated and compiled once; each batch is a fresh statement (a contact that stops
 * matching mid-way is not yielded later).
 */
export async function* iterateSegmentContactIds(
  db: TenantDb,
  tree: SegmentGroup,
  options: SegmentOptions & { batchSize?: number } = {},
): AsyncGenerator<string[]> {
  const where = await compileSegmentWhere(db, tree, options);
  const batchSize = options.batchSize ?? 1000;
  let after: string | null = null;
  for (;;) {
    const rows: Array<{ id: string }> = await runSql<{ id: string }>(
      db,
      Prisma.sql`SELECT c.id FROM "Contact" c WHERE ${where}
        ${after ? Prisma.sql`AND c.id > ${after}::uuid` : Prisma.empty} ORDER BY c.id LIMIT ${batchSize}`,
    );
    if (rows.length > 0) {
      yield rows.map((row) => row.id);
    }
    if (rows.length < batchSize) {
      return;
    }
    after = rows.at(-1)!.id;
  }
}

/**
 * One read-only statement under the tenant's row-level security. JIT is off: on a big workspace
 * its cost estimate crosses the threshold and compiling costs more than the scan itself.
 */
export async function runSql<T>(db: TenantDb, sql: Prisma.Sql): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<T[]>(sql);
  });
}

type Ref = { id: string; path: string };

function references(tree: SegmentGroup, root: string): { groups: Ref[]; flows: Ref[]; campaigns: Ref[] } {
  const groups: Ref[] = [];
  const flows: Ref[] = [];
  const campaigns: Ref[] = [];
  const walk = (node: SegmentNode, path: string) => {
    if (node.kind === 'group') {
      node.children.forEach((child, index) => walk(child, `${path}.children.${index}`));
    } else if (node.kind === 'contact_group') {
      node.groupIds.forEach((id, index) => groups.push({ id, path: `${path}.groupIds.${index}` }));
    } else if (node.kind === 'flow') {
      flows.push({ id: node.flowId, path: `${path}.flowId` });
    } else if (node.kind === 'campaign') {
      campaigns.push({ id: node.campaignId, path: `${path}.campaignId` });
    }
  };
  walk(tree, root);
  return { groups, flows, campaigns };
}
