// How a Flow row becomes what the API returns: the status derived from the active version and the
// switch, the draft migrated on read (drafts saved under an older schemaVersion stay readable).
import { migrateFlowDocument } from '#flow-dsl/migrations/index';
import type { FlowDocument } from '#flow-dsl/document';
import { validateFlow } from '#flow-dsl/validate';
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import type { FlowStatus, FlowSummary, FlowView } from './schemas.ts';

export const flowSelect = {
  id: true,
  name: true,
  description: true,
  draft: true,
  isActive: true,
  trigger: true,
  activeVersionId: true,
  draftUpdatedAt: true,
  createdAt: true,
  updatedAt: true,
  activeVersion: { select: { version: true, publishedAt: true } },
} as const;

export type FlowRow = {
  id: string;
  name: string;
  description: string;
  draft: unknown;
  isActive: boolean;
  trigger: unknown;
  activeVersionId: string | null;
  draftUpdatedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  activeVersion: { version: number; publishedAt: Date } | null;
};

export function flowStatus(row: { activeVersionId: string | null; isActive: boolean }): FlowStatus {
  if (!row.activeVersionId) {
    return 'draft';
  }
  return row.isActive ? 'active' : 'inactive';
}

export function toFlowSummary(row: FlowRow): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: flowStatus(row),
    trigger: (row.trigger as Record<string, unknown> | null) ?? null,
    activeVersion: row.activeVersion?.version ?? null,
    lastPublishedAt: row.activeVersion?.publishedAt ?? null,
    draftUpdatedAt: row.draftUpdatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toFlowView(row: FlowRow): FlowView {
  const draft = readDraft(row);
  const published = row.activeVersion?.publishedAt;
  return {
    ...toFlowSummary(row),
    draft: draft as unknown as Record<string, unknown>,
    hasUnpublishedChanges: !published || row.draftUpdatedAt > published,
    diagnostics: validateFlow(draft, { flowId: row.id }),
  };
}

/** The stored draft at the latest schemaVersion. */
export function readDraft(row: { draft: unknown }): FlowDocument {
  return migrateFlowDocument(row.draft).document;
}

export async function getFlowRow(db: TenantDb, flowId: string): Promise<FlowRow> {
  const row = await db.flow.findUnique({ where: { id: flowId }, select: flowSelect });
  if (!row) {
    throw AppError.notFound('Flow');
  }
  return row;
}
