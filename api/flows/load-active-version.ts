// A published version's document and program, read back through their schemas (typed JSON).
import { flowDocumentSchema, type FlowDocument } from '#flow-dsl/document';
import { flowProgramSchema, type FlowProgram } from '#flow-dsl/program';
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';

export type LoadedVersion = { id: string; version: number; document: FlowDocument; program: FlowProgram };

export async function loadActiveVersion(db: TenantDb, versionId: string): Promise<LoadedVersion> {
  const row = await db.flowVersion.findUnique({
    where: { id: versionId },
    select: { id: true, version: true, document: true, program: true },
  });
  if (!row) {
    throw AppError.notFound('Flow version');
  }
  return {
    id: row.id,
    version: row.version,
    document: flowDocumentSchema.parse(row.document),
    program: flowProgramSchema.parse(row.program) as FlowProgram,
  };
}
