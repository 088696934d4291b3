// Recognising database errors by meaning rather than by message text.

/** A unique constraint refused the write (Prisma P2002, or PostgreSQL 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'P2002' || code === '23505';
}
