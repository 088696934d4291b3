// A campaign's audience as SQL on "Contact" c: the one definition both the API's estimate and the
// workflow's snapshot (activities/campaigns/) use, so the number the user saw before launching is
// the number the campaign snapshots. Included segments, groups (with subgroups) and tags are
// OR'ed; anyone in an excluded one is removed. Saved segments are compiled by the segment
// compiler (compile-segment.ts), so a segment means the same here as on the Segments page. Every
// value is a parameter and the tenant is named in every statement, on top of row-level security.
//
// Who of the audience can be messaged is a separate, shared rule (reachabilitySql): templates go
// only to contacts opted in to marketing; free-form text only to contacts inside the 24-hour
// window of their conversation on the campaign's number; an opted-out contact never gets either.
import { Prisma } from '#db/client';
import type { TenantDb } from '#db/tenant-db';
import type { CustomFieldType } from '../contacts/custom-field-schemas.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { segmentWhereSql, type SegmentSqlContext } from '../segments/compile-segment.ts';
import { segmentConditionSchema, type SegmentGroup } from '../segments/condition-schemas.ts';
import { WHATSAPP_LIMITS } from '../whatsapp/limits.ts';
import type { Audience, RecipientReason } from './schemas.ts';

export type AudienceSqlOptions = {
  /** Segments' "within the last N days" and the 24-hour window count back from here. */
  now?: Date;
  /** Where the audience sits in the request, for error paths: `audience` by default. */
  path?: string;
};

type Selection = Audience['include'];

/**
 * The audience as a condition on "Contact" c (`c."tenantId" = … AND …`). Throws a 422 naming
 * `audience.include.segmentIds.0` (etc.) when a segment or group is not the workspace's.
 */
export async function audienceWhereSql(
  db: TenantDb,
  audience: Audience,
  options: AudienceSqlOptions = {},
): Promise<Prisma.Sql> {
  const path = options.path ?? 'audience';
  const tenantId = db.tenantId;
  const segmentIds = [...audience.include.segmentIds, ...audience.exclude.segmentIds];
  const groupIds = [...audience.include.groupIds, ...audience.exclude.groupIds];
  // One statement after another: parallel queries on one interactive transaction are not safe.
  const [fields, segments, groups] = await db.transaction(
    async (tx) =>
      [
        await tx.customField.findMany({
          where: { tenantId },
          select: { key: true, label: true, type: true, options: true },
        }),
        segmentIds.length > 0
          ? await tx.segment.findMany({
              where: { tenantId, id: { in: segmentIds } },
              select: { id: true, condition: true },
            })
          : [],
        groupIds.length > 0
          ? await tx.contactGroup.findMany({ where: { tenantId, id: { in: groupIds } }, select: { id: true } })
          : [],
      ] as const,
  );
  const conditions = new Map(segments.map((s) => [s.id, segmentConditionSchema.parse(s.condition)]));
  const knownGroups = new Set(groups.map((g) => g.id));
  const issues: FieldIssue[] = [];
  for (const side of ['include', 'exclude'] as const) {
    audience[side].segmentIds.forEach((id, i) => {
      if (!conditions.has(id)) {
        issues.push({ field: `${path}.${side}.segmentIds.${i}`, message: 'is not a segment of this workspace' });
      }
    });
    audience[side].groupIds.forEach((id, i) => {
      if (!knownGroups.has(id)) {
        issues.push({ field: `${path}.${side}.groupIds.${i}`, message: 'is not a contact group of this workspace' });
      }
    });
  }
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', `${issues[0]!.field}: ${issues[0]!.message}`, { fields: issues });
  }
  const ctx: SegmentSqlContext = {
    tenantId,
    now: options.now ?? new Date(),
    customFields: new Map(
      fields.map((f) => [f.key, { ...f, type: f.type as CustomFieldType, required: false }] as const),
    ),
  };
  const include = audience.allContacts
    ? Prisma.sql`TRUE`
    : selectionSql(audience.include, conditions, ctx, `${path}.include`);
  const exclude = selectionSql(audience.exclude, conditions, ctx, `${path}.exclude`);
  return Prisma.sql`c."tenantId" = ${tenantId}::uuid AND (${include}) AND NOT (${exclude})`;
}

/** Anyone in one of the selection's segments, groups or tags (FALSE for an empty selection). */
function selectionSql(
  selection: Selection,
  conditions: ReadonlyMap<string, SegmentGroup>,
  ctx: SegmentSqlContext,
  path: string,
): Prisma.Sql {
  const parts = selection.segmentIds.map((id, i) =>
    segmentWhereSql(conditions.get(id)!, ctx, `${path}.segmentIds.${i}`),
  );
  if (selection.groupIds.length > 0) {
    const tree: SegmentGroup = {
      kind: 'group',
      op: 'and',
      children: [{ kind: 'contact_group', op: 'in', groupIds: selection.groupIds }],
    };
    parts.push(segmentWhereSql(tree, ctx, `${path}.groupIds`));
  }
  if (selection.tags.length > 0) {
    parts.push(Prisma.sql`c.tags && ${selection.tags}::text[]`);
  }
  return parts.length === 0
    ? Prisma.sql`FALSE`
    : Prisma.join(
        parts.map((p) => Prisma.sql`(${p})`),
        ' OR ',
      );
}

export type MessageKind = 'template' | 'text';
export type UnreachableReason = Extract<RecipientReason, 'opted_out' | 'not_opted_in' | 'outside_window'>;

/**
 * Why contact c cannot get this kind of campaign message from `channelId` now, or NULL when it
 * can: opted out (always), not opted in (templates: marketing consent is enforced), outside the
 * 24-hour window of its conversation on that number (free-form text; the window is per number).
 */
export function reachabilitySql(kind: MessageKind, channelId: string, now: Date = new Date()): Prisma.Sql {
  if (kind === 'template') {
    return Prisma.sql`(CASE WHEN c."optInStatus" = 'opted_out' THEN 'opted_out'
      WHEN c."optInStatus" <> 'opted_in' THEN 'not_opted_in' END)`;
  }
  const windowOpensAfter = new Date(now.getTime() - WHATSAPP_LIMITS.customerServiceWindowHours * 3_600_000);
  return Prisma.sql`(CASE WHEN c."optInStatus" = 'opted_out' THEN 'opted_out'
    WHEN NOT EXISTS (SELECT 1 FROM "Conversation" cv WHERE cv."tenantId" = c."tenantId"
      AND cv."channelId" = ${channelId}::uuid AND cv."contactId" = c.id
      AND cv."lastInboundAt" > ${windowOpensAfter.toISOString()}::timestamp(3)) THEN 'outside_window' END)`;
}

/**
 * The audience's contacts with why each cannot be messaged (`skipReason`, NULL: it can): `SELECT c.id AS "contactId", … AS "skipReason" FROM "Contact" c WHERE …`. The workflow's
 * snapshot inserts from it (INSERT … SELECT), the estimate counts it.
 */
export async function audienceContactsSql(
  db: TenantDb,
  target: { audience: Audience; messageKind: MessageKind; channelId: string },
  options: AudienceSqlOptions = {},
): Promise<Prisma.Sql> {
  const now = options.now ?? new Date();
  const where = await audienceWhereSql(db, target.audience, { ...options, now });
  const reason = reachabilitySql(target.messageKind, target.channelId, now);
  return Prisma.sql`SELECT c.id AS "contactId", ${reason} AS "skipReason"
    FROM "Contact" c WHERE ${where}`;
}
