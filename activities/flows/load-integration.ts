// A tenant's integration of one kind: its settings and decrypted credentials. Permanent failure
// when missing or unreadable: no retry brings an integration into existence.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export type LoadedIntegration = { settings: Record<string, unknown>; credentials: Record<string, unknown> };

export async function loadIntegration(
  deps: ActivityDeps,
  tenantId: string,
  where: { kind: string; id?: string },
): Promise<LoadedIntegration | null> {
  const db = createTenantDb(deps.prisma, tenantId);
  const row = await db.transaction((tx) =>
    tx.integration.findFirst({
      where: { tenantId, kind: where.kind, ...(where.id ? { id: where.id } : {}) },
      orderBy: { createdAt: 'asc' },
      select: { settings: true, credentials: true },
    }),
  );
  if (!row) {
    return null;
  }
  try {
    return {
      settings: (row.settings ?? {}) as Record<string, unknown>,
      credentials: JSON.parse(deps.secretBox.decrypt(row.credentials)) as Record<string, unknown>,
    };
  } catch {
    throw ApplicationFailure.nonRetryable(
      `The ${where.kind} integration's credentials cannot be read`,
      'BadCredentials',
    );
  }
}
