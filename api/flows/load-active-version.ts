// A published version's document and program, read back through their schemas (typed JSON).
// Versions never change once published, so each process keeps the ones it read: routing starts a
// session per triggering message and must not re-read and re-parse the same program every time.
import { flowDocumentSchema, type FlowDocument } from '#flow-dsl/document';
import { flowProgramSchema, type FlowProgram } from '#flow-dsl/program';
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';

export type LoadedVersion = { id: string; version: number; document: FlowDocument; program: FlowProgram };

const CACHED_VERSIONS = 200;
const cache = new Map<string, LoadedVersion>();

export async function loadActiveVersion(db: TenantDb, versionId: string): Promise<LoadedVersion> {
  const key = `${db.tenantId}:${versionId}`;
  const cached = cache.get(key);
  if (cached) {
    return cached;
  }
  const loaded = await readVersion(db, versionId);
  if (cache.size >= CACHED_VERSIONS) {
    cache.delete(cache.keys().next().value!); // the oldest entry
  }
  cache.set(key, loaded);
  return loaded;
}

async function readVersion(db: TenantDb, versionId: string): Promise<LoadedVersion> {
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
