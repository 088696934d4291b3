// The conversation list's `sla` filter, as SQL over the SLA clock (the same rules as sla-state.ts):
// breached: a remaining due time has passed; warning: not breached, and SLA_WARNING_SHARE of a
// remaining target has passed. Resolved conversations have no due times, so neither matches.
import { Prisma } from '#db/client';
import { SLA_WARNING_SHARE } from './schemas.ts';

export function slaFilterSql(state: 'breached' | 'warning', now: string): Prisma.Sql {
  const at = Prisma.sql`${now}::timestamp(3)`;
  const breached = Prisma.sql`(cv."firstResponseDueAt" <= ${at} OR cv."resolutionDueAt" <= ${at})`;
  if (state === 'breached') {
    return breached;
  }
  const warns = (due: Prisma.Sql) =>
    Prisma.sql`(${due} IS NOT NULL AND ${at} >= coalesce(cv."slaStartedAt", ${due}) + (${due} - coalesce(cv."slaStartedAt", ${due})) * ${SLA_WARNING_SHARE}::float8)`;
  return Prisma.sql`(NOT coalesce(${breached}, false) AND (${warns(Prisma.sql`cv."firstResponseDueAt"`)} OR ${warns(Prisma.sql`cv."resolutionDueAt"`)}))`;
}
