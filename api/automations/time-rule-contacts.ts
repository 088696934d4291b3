// The contacts a time-based rule's occurrence concerns. For `date_field`, today (local) minus
// `offsetDays` is the field date wanted ("3 days before the renewal": offsetDays -3, so the
// renewal is in 3 days); for a cron rule with conditions, contacts carrying its first has_tag
// tag (or all contacts), the conditions then checked in full by the caller.
import type pg from 'pg';
import type { ContactFacts } from './match-rule.ts';
import { enabledRules, type LiveRule } from './rule-rows.ts';

export const MAX_CONTACTS = 1000;

export async function enabledRulesById(pool: pg.Pool, tenantId: string, ruleId: string): Promise<LiveRule | null> {
  return (await enabledRules(pool, tenantId, 'time')).find((rule) => rule.id === ruleId) ?? null;
}

export async function timeRuleContacts(
  pool: pg.Pool,
  tenantId: string,
  rule: LiveRule,
  today: string,
): Promise<Array<ContactFacts & { id: string }>> {
  const select = `SELECT id, COALESCE(name, "profileName") AS name, email, phone, tags, fields FROM "Contact"`;
  if (rule.trigger.type === 'date_field') {
    const wanted = addDays(today, -rule.trigger.offsetDays);
    const { rows } = await pool.query<ContactFacts & { id: string }>(
      `${select} WHERE "tenantId" = $1 AND fields->>$2 = $3 ORDER BY id LIMIT ${MAX_CONTACTS}`,
      [tenantId, rule.trigger.field, wanted],
    );
    return rows;
  }
  const tag = rule.conditions.items.find((item) => item.type === 'has_tag');
  const { rows } = await pool.query<ContactFacts & { id: string }>(
    `${select} WHERE "tenantId" = $1 AND ($2::text IS NULL OR $2 = ANY(tags)) ORDER BY id LIMIT ${MAX_CONTACTS}`,
    [tenantId, tag?.type === 'has_tag' ? tag.tag : null],
  );
  return rows;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
