// A condition tree as ONE parameterised SQL condition on "Contact" c. Every value travels as a
// parameter; the only identifiers written into the text come from CONTACT_FIELDS' fixed column
// map. Every leaf is COALESCEd to a plain true/false, so NOT of a group is its exact complement
// (a contact with no e-mail is "not equal to a@b.c", and "not within 7 days" includes "never").
// The tenant is named in the statement and in every sub-select, on top of row-level security.
import { Prisma } from '#db/client';
import type { CustomFieldDefinition } from '../contacts/custom-field-schemas.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import {
  CONTACT_FIELDS,
  contactField,
  operandIssues,
  operandOf,
  type ContactField,
  type CustomCondition,
  type FieldCondition,
  type Operator,
  type SegmentGroup,
  type SegmentLeaf,
  type SegmentNode,
} from './condition-schemas.ts';

export type SegmentSqlContext = {
  tenantId: string;
  /** "Within the last N days" counts back from here. */
  now: Date;
  /** The workspace's custom fields by key. */
  customFields: ReadonlyMap<string, CustomFieldDefinition>;
};

const COLUMNS: Record<ContactField, Prisma.Sql> = Object.fromEntries(
  Object.keys(CONTACT_FIELDS).map((field) => [field, Prisma.raw(`c."${field}"`)]),
) as Record<ContactField, Prisma.Sql>;

/**
 * The tree as `c."tenantId" = … AND (…)` over "Contact" c. Throws a 400 naming each bad leaf's
 * path (`condition.children.1.key`) when a custom field is unknown or an operator or value does
 * not fit its type.
 */
export function segmentWhereSql(tree: SegmentGroup, ctx: SegmentSqlContext, path = 'condition'): Prisma.Sql {
  const issues: FieldIssue[] = [];
  const sql = nodeSql(tree, ctx, path, issues);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${issues[0]!.field}: ${issues[0]!.message}`, { fields: issues });
  }
  return Prisma.sql`c."tenantId" = ${ctx.tenantId}::uuid AND ${sql}`;
}

function nodeSql(node: SegmentNode, ctx: SegmentSqlContext, path: string, issues: FieldIssue[]): Prisma.Sql {
  if (node.kind !== 'group') {
    return Prisma.sql`COALESCE((${leafSql(node, ctx, path, issues)}), false)`;
  }
  const children = node.children.map((child, index) => nodeSql(child, ctx, `${path}.children.${index}`, issues));
  const joined = children.length === 0 ? Prisma.sql`TRUE` : Prisma.join(children, node.op === 'and' ? ' AND ' : ' OR ');
  return node.negate ? Prisma.sql`(NOT (${joined}))` : Prisma.sql`(${joined})`;
}

function leafSql(leaf: SegmentLeaf, ctx: SegmentSqlContext, path: string, issues: FieldIssue[]): Prisma.Sql {
  const t = ctx.tenantId;
  switch (leaf.kind) {
    case 'field': {
      const field = contactField(leaf.field);
      const problems = operandIssues(field.type, leaf, field.options);
      issues.push(...problems.map((p) => ({ field: [path, ...p.path].join('.'), message: p.message })));
      return problems.length > 0 ? Prisma.sql`FALSE` : builtinSql(leaf, ctx);
    }
    case 'custom':
      return customSql(leaf, ctx, path, issues);
    case 'tags':
      if (leaf.op === 'has_all') {
        return Prisma.sql`c.tags @> ${leaf.values}::text[]`;
      }
      return leaf.op === 'has_any'
        ? Prisma.sql`c.tags && ${leaf.values}::text[]`
        : Prisma.sql`NOT (c.tags && ${leaf.values}::text[])`;
    case 'contact_group': {
      const members = Prisma.sql`c.id IN (
        SELECT m."contactId" FROM "ContactGroupMember" m WHERE m."tenantId" = ${t}::uuid AND m."groupId" IN (
          WITH RECURSIVE g(id) AS (
            SELECT cg.id FROM "ContactGroup" cg WHERE cg."tenantId" = ${t}::uuid AND cg.id = ANY(${leaf.groupIds}::uuid[])
            UNION
            SELECT cg.id FROM "ContactGroup" cg JOIN g ON cg."parentId" = g.id WHERE cg."tenantId" = ${t}::uuid
          ) SELECT id FROM g))`;
      return leaf.op === 'in' ? members : Prisma.sql`NOT ${members}`;
    }
    case 'flow': {
      const since = leaf.days
        ? Prisma.sql`AND fs."endedAt" >= ${daysAgo(ctx.now, leaf.days)}::timestamp(3)`
        : Prisma.empty;
      const completed = Prisma.sql`c.id IN (
        SELECT fs."contactId" FROM "FlowSession" fs WHERE fs."tenantId" = ${t}::uuid AND fs."flowId" = ${leaf.flowId}::uuid
          AND fs.status = 'completed' AND NOT fs."isTest" ${since})`;
      return leaf.op === 'completed' ? completed : Prisma.sql`NOT ${completed}`;
    }
    case 'message': {
      const sent = Prisma.sql`c.id IN (
        SELECT m."contactId" FROM "Message" m WHERE m."tenantId" = ${t}::uuid AND m.direction = 'inbound'
          AND m."createdAt" >= ${daysAgo(ctx.now, leaf.days)}::timestamp(3) AND m.text ILIKE ${likeContains(leaf.value)})`;
      return leaf.op === 'sent_containing' ? sent : Prisma.sql`NOT ${sent}`;
    }
    case 'campaign': {
      const happened = {
        received: Prisma.sql`r.status = 'sent'`,
        read: Prisma.sql`m.status IN ('read', 'played')`,
        replied: Prisma.sql`r."repliedAt" IS NOT NULL`,
      }[leaf.op.replace('not_', '') as 'received' | 'read' | 'replied'];
      const matched = Prisma.sql`c.id IN (
        SELECT r."contactId" FROM "CampaignRecipient" r
        JOIN "CampaignRun" cr ON cr.id = r."runId" AND cr."tenantId" = ${t}::uuid AND cr."campaignId" = ${leaf.campaignId}::uuid
        LEFT JOIN "Message" m ON m.id = r."messageId" AND m."tenantId" = ${t}::uuid
        WHERE r."tenantId" = ${t}::uuid AND ${happened})`;
      return leaf.op.startsWith('not_') ? Prisma.sql`NOT ${matched}` : matched;
    }
  }
}

function builtinSql(leaf: FieldCondition, ctx: SegmentSqlContext): Prisma.Sql {
  const column = COLUMNS[leaf.field];
  const type = contactField(leaf.field).type;
  if (type === 'date') {
    return timestampSql(column, leaf, ctx.now);
  }
  if (type === 'number') {
    return numberSql(column, leaf);
  }
  if (type === 'dropdown') {
    return choiceSql(column, canonical(leaf, contactField(leaf.field).options ?? []));
  }
  return textSql(column, leaf);
}

function customSql(leaf: CustomCondition, ctx: SegmentSqlContext, path: string, issues: FieldIssue[]): Prisma.Sql {
  const field = ctx.customFields.get(leaf.key);
  if (!field) {
    issues.push({ field: `${path}.key`, message: `is not a custom field of this workspace ("${leaf.key}")` });
    return Prisma.sql`FALSE`;
  }
  const problems = operandIssues(field.type, leaf, field.options.length > 0 ? field.options : undefined);
  if (problems.length > 0) {
    issues.push(...problems.map((p) => ({ field: [path, ...p.path].join('.'), message: p.message })));
    return Prisma.sql`FALSE`;
  }
  const json = Prisma.sql`(c.fields -> ${leaf.key}::text)`;
  const typed = (jsonType: string, expr: Prisma.Sql) =>
    Prisma.sql`(CASE WHEN jsonb_typeof(${json}) = ${jsonType} THEN ${expr} END)`;
  const text = Prisma.sql`(c.fields ->> ${leaf.key}::text)`;
  switch (field.type) {
    case 'text':
      return textSql(text, leaf);
    case 'number':
      return numberSql(typed('number', Prisma.sql`${text}::numeric`), leaf);
    case 'date':
      return dateTextSql(typed('string', text), leaf, ctx.now);
    case 'dropdown':
      return choiceSql(text, canonical(leaf, field.options));
    case 'multi_select':
      return multiSelectSql(json, canonical(leaf, field.options));
    case 'checkbox':
      return leaf.op === 'is_true'
        ? Prisma.sql`${json} = 'true'::jsonb`
        : Prisma.sql`${json} IS DISTINCT FROM 'true'::jsonb`;
  }
}

type Leaf = {
  op: Operator;
  value?: string | number | undefined;
  values?: string[] | undefined;
  days?: number | undefined;
};

function textSql(e: Prisma.Sql, leaf: Leaf): Prisma.Sql {
  const v = String(leaf.value ?? '');
  switch (leaf.op) {
    case 'equals':
      return Prisma.sql`lower(${e}) = lower(${v})`;
    case 'not_equals':
      return Prisma.sql`lower(${e}) IS DISTINCT FROM lower(${v})`;
    case 'contains':
      return Prisma.sql`${e} ILIKE ${likeContains(v)}`;
    case 'not_contains':
      return Prisma.sql`NOT COALESCE(${e} ILIKE ${likeContains(v)}, false)`;
    case 'starts_with':
      return Prisma.sql`${e} ILIKE ${`${escapeLike(v)}%`}`;
    case 'in_list':
      return Prisma.sql`lower(${e}) = ANY(${(leaf.values ?? []).map((x) => x.toLowerCase())}::text[])`;
    default:
      return emptySql(e, leaf.op);
  }
}

function numberSql(e: Prisma.Sql, leaf: Leaf): Prisma.Sql {
  const v = Number(leaf.value);
  const ops: Partial<Record<Operator, Prisma.Sql>> = {
    equals: Prisma.sql`${e} = ${v}::numeric`,
    not_equals: Prisma.sql`${e} IS DISTINCT FROM ${v}::numeric`,
    gt: Prisma.sql`${e} > ${v}::numeric`,
    gte: Prisma.sql`${e} >= ${v}::numeric`,
    lt: Prisma.sql`${e} < ${v}::numeric`,
    lte: Prisma.sql`${e} <= ${v}::numeric`,
  };
  return ops[leaf.op] ?? (leaf.op === 'is_empty' ? Prisma.sql`${e} IS NULL` : Prisma.sql`${e} IS NOT NULL`);
}

/** A timestamp column; dates are whole UTC days. */
function timestampSql(e: Prisma.Sql, leaf: Leaf, now: Date): Prisma.Sql {
  const day = (offset: number) => `${addDays(String(leaf.value), offset)}T00:00:00.000`;
  switch (leaf.op) {
    case 'on':
      return Prisma.sql`(${e} >= ${day(0)}::timestamp(3) AND ${e} < ${day(1)}::timestamp(3))`;
    case 'before':
      return Prisma.sql`${e} < ${day(0)}::timestamp(3)`;
    case 'after':
      return Prisma.sql`${e} >= ${day(1)}::timestamp(3)`;
    case 'within_last_days':
      return Prisma.sql`${e} >= ${daysAgo(now, leaf.days!)}::timestamp(3)`;
    case 'not_within_last_days':
      return Prisma.sql`NOT COALESCE(${e} >= ${daysAgo(now, leaf.days!)}::timestamp(3), false)`;
    default:
      return leaf.op === 'is_empty' ? Prisma.sql`${e} IS NULL` : Prisma.sql`${e} IS NOT NULL`;
  }
}

/** A custom date field, stored as 'YYYY-MM-DD' (so text order is date order). */
function dateTextSql(e: Prisma.Sql, leaf: Leaf, now: Date): Prisma.Sql {
  const today = now.toISOString().slice(0, 10);
  const within = Prisma.sql`(${e} >= ${addDays(today, -(leaf.days ?? 0))} AND ${e} <= ${today})`;
  switch (leaf.op) {
    case 'on':
      return Prisma.sql`${e} = ${String(leaf.value)}`;
    case 'before':
      return Prisma.sql`${e} < ${String(leaf.value)}`;
    case 'after':
      return Prisma.sql`${e} > ${String(leaf.value)}`;
    case 'within_last_days':
      return within;
    case 'not_within_last_days':
      return Prisma.sql`NOT COALESCE(${within}, false)`;
    default:
      return leaf.op === 'is_empty' ? Prisma.sql`${e} IS NULL` : Prisma.sql`${e} IS NOT NULL`;
  }
}

function choiceSql(e: Prisma.Sql, leaf: Leaf): Prisma.Sql {
  switch (leaf.op) {
    case 'equals':
      return Prisma.sql`${e} = ${String(leaf.value)}`;
    case 'not_equals':
      return Prisma.sql`${e} IS DISTINCT FROM ${String(leaf.value)}`;
    case 'in_list':
      return Prisma.sql`${e} = ANY(${leaf.values ?? []}::text[])`;
    case 'not_in_list':
      return Prisma.sql`NOT COALESCE(${e} = ANY(${leaf.values ?? []}::text[]), false)`;
    default:
      return emptySql(e, leaf.op);
  }
}

function multiSelectSql(json: Prisma.Sql, leaf: Leaf): Prisma.Sql {
  const array = Prisma.sql`(CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} END)`;
  const values = leaf.values ?? [];
  switch (leaf.op) {
    case 'includes_any':
      return Prisma.sql`jsonb_exists_any(${array}, ${values}::text[])`;
    case 'includes_all':
      return Prisma.sql`jsonb_exists_all(${array}, ${values}::text[])`;
    case 'includes_none':
      return Prisma.sql`NOT COALESCE(jsonb_exists_any(${array}, ${values}::text[]), false)`;
    case 'is_empty':
      return Prisma.sql`COALESCE(jsonb_array_length(${array}), 0) = 0`;
    default:
      return Prisma.sql`COALESCE(jsonb_array_length(${array}), 0) > 0`;
  }
}

function emptySql(e: Prisma.Sql, op: Operator): Prisma.Sql {
  return op === 'is_empty' ? Prisma.sql`COALESCE(${e}, '') = ''` : Prisma.sql`COALESCE(${e}, '') <> ''`;
}

/** Values as the field defines its options (stored values use the definition's spelling). */
function canonical(leaf: Leaf, options: readonly string[]): Leaf {
  const spell = (v: string) => options.find((o) => o.toLowerCase() === v.toLowerCase()) ?? v;
  const operand = operandOf(leaf.op);
  return {
    ...leaf,
    ...(operand === 'value' ? { value: spell(String(leaf.value)) } : {}),
    ...(operand === 'values' ? { values: (leaf.values ?? []).map(spell) } : {}),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
