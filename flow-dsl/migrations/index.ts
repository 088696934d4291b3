// Documents are stored as written and upgraded on read, one version step at a time, so a draft
// saved by an older builder always opens in the current one.
import { flowDocumentSchema, LATEST_FLOW_VERSION, type FlowDocument } from '../document.ts';
import { migrateV1ToV2 } from './migrate-v1-to-v2.ts';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades version n to n + 1. */
const MIGRATIONS: Record<number, Migration> = { 1: migrateV1ToV2 };

export type MigratedDocument = { document: FlowDocument; migratedFrom: number | null };

/** Upgrades and parses a stored document; throws a ZodError if the result is not a valid document. */
export function migrateFlowDocument(raw: unknown): MigratedDocument {
  const { upgraded, migratedFrom } = upgradeFlowDocument(raw);
  return { document: flowDocumentSchema.parse(upgraded), migratedFrom };
}

/**
 * Runs the migration steps without parsing (the validator parses itself to report every problem).
 * A document without `schemaVersion` is version 1; an unknown or future version is left as is.
 */
export function upgradeFlowDocument(raw: unknown): { upgraded: unknown; migratedFrom: number | null } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { upgraded: raw, migratedFrom: null };
  }
  let document = raw as Record<string, unknown>;
  const from = document.schemaVersion === undefined ? 1 : document.schemaVersion;
  if (typeof from !== 'number' || from >= LATEST_FLOW_VERSION) {
    return { upgraded: raw, migratedFrom: null };
  }
  for (let version = from; version < LATEST_FLOW_VERSION; version++) {
    const migrate = MIGRATIONS[version];
    if (migrate === undefined) {
      return { upgraded: raw, migratedFrom: null };
    }
    document = migrate(document);
  }
  return { upgraded: document, migratedFrom: from };
}

export { migrateV1ToV2 };
