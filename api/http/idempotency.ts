// Idempotency keys (Stripe's semantics): the first request with a key claims it; its response
// (status and body) is stored for 24 h and replayed to retries by the same caller with the same
// key. The stored request hash (method, path, body) catches a key reused for another request.
// A claim is a row in IdempotencyKey, unique per (tenant, caller, key), so two processes racing on
// one key cannot both run the request.
import { Prisma, type PrismaClient } from '#db/client';
import { AppError } from '../errors.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyScope = {
  tenantId: string;
  /** apiKey:<id> or user:<id> */
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
};

export type IdempotencyOutcome = { kind: 'claimed'; id: string } | { kind: 'replay'; status: number; body: unknown };

/** Claims the key for this request, or answers the stored response; throws 409/422 otherwise. */
export async function claimIdempotencyKey(prisma: PrismaClient, scope: IdempotencyScope): Promise<IdempotencyOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await prisma.idempotencyKey.create({
        data: { ...scope, status: 'in_progress', expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS) },
        select: { id: true },
      });
      return { kind: 'claimed', id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 2) {
        throw error;
      }
    }
    const existing = await prisma.idempotencyKey.findUnique({
      where: { tenantId_principal_key: { tenantId: scope.tenantId, principal: scope.principal, key: scope.key } },
    });
    if (!existing) {
      continue; // released or expired meanwhile: claim it again
    }
    if (existing.expiresAt <= new Date()) {
      // Expired keys are removed lazily here as well as by the periodic sweep.
      await prisma.idempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date() } } });
      continue;
    }
    if (existing.requestHash !== scope.requestHash) {
      throw headerError(
        'UNPROCESSABLE',
        'this key was already used for a different request (method, path or body): use a new key for a new request',
      );
    }
    if (existing.status !== 'completed' || existing.responseStatus === null) {
      throw headerError('CONFLICT', 'a request with this key is still in progress: retry once it has finished');
    }
    return { kind: 'replay', status: existing.responseStatus, body: existing.responseBody };
  }
}

/** Stores the response to replay. */
export async function completeIdempotencyKey(
  prisma: PrismaClient,
  id: string,
  status: number,
  body: unknown,
): Promise<void> {
  await prisma.idempotencyKey.update({
    where: { id },
    data: {
      status: 'completed',
      responseStatus: status,
      responseBody: body === undefined || body === null ? Prisma.DbNull : (body as Prisma.InputJsonValue),
    },
  });
}

/** Releases the key after a server error, so the client's retry runs the request again. */
export async function releaseIdempotencyKey(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.idempotencyKey.deleteMany({ where: { id } });
}

/** Deletes expired keys (the periodic sweep); returns how many. */
export async function deleteExpiredIdempotencyKeys(prisma: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await prisma.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** 1–255 printable ASCII characters, not only spaces. */
export function assertValidIdempotencyKey(key: string): void {
  if (!/^[\x20-\x7E]{1,255}$/.test(key) || key.trim() === '') {
    throw headerError('VALIDATION_FAILED', 'must be 1 to 255 printable ASCII characters');
  }
}

function headerError(code: 'VALIDATION_FAILED' | 'UNPROCESSABLE' | 'CONFLICT', message: string): AppError {
  return new AppError(code, `${IDEMPOTENCY_HEADER}: ${message}`, {
    fields: [{ field: IDEMPOTENCY_HEADER, in: 'header', message }],
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
