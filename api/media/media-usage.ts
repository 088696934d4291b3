// Where library files are used besides messages (Media.messageCount, kept by a trigger): flows
// whose draft or published version names the file's id anywhere in its document (send_media's
// `mediaId`), and templates whose components name it (a media header's sample). Computed for one
// page of files at a time, in the database.
import type { TenantContext } from '../context.ts';

export type FileUsage = { flows: number; publishedFlows: number; templates: number };

type UsageRow = { id: string; flows: number; publishedFlows: number; templates: number };

export async function mediaUsage(mediaIds: string[], ctx: TenantContext): Promise<Map<string, FileUsage>> {
  if (mediaIds.length === 0) {
    return new Map();
  }
  const tenantId = ctx.db.tenantId;
  const rows = await ctx.db.transaction(
    (tx) => tx.$queryRaw<UsageRow[]>`
      SELECT m.id::text AS id,
        (SELECT count(*)::int FROM "Flow" f
          LEFT JOIN "FlowVersion" v ON v."id" = f."activeVersionId"
          WHERE f."tenantId" = ${tenantId}::uuid
            AND (jsonb_path_exists(f."draft", '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', m.id::text))
              OR jsonb_path_exists(v."document", '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', m.id::text)))
        ) AS flows,
        (SELECT count(*)::int FROM "Flow" f
          JOIN "FlowVersion" v ON v."id" = f."activeVersionId"
          WHERE f."tenantId" = ${tenantId}::uuid
            AND jsonb_path_exists(v."document", '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', m.id::text))
        ) AS "publishedFlows",
        (SELECT count(*)::int FROM "MessageTemplate" t
          WHERE t."tenantId" = ${tenantId}::uuid AND strpos(t."components"::text, m.id::text) > 0
        ) AS templates
      FROM unnest(${mediaIds}::uuid[]) AS m(id)`,
  );
  return new Map(rows.map(({ id, ...usage }) => [id, usage]));
}
