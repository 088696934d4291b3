// The add_tag and remove_tag actions in one locked statement: two rules tagging the same contact
// for the same event (or an agent tagging meanwhile) must not overwrite each other's tags, which
// a read-then-write would. Emits contact.updated / contact.tag_added like every other tag writer,
// so "tag added" rules chain; a tag already there changes nothing and emits nothing (no loops).
import { ApplicationFailure } from '@temporalio/activity';
import { emitContactChanges } from '#api/events/contact-events';
import type { ActivityDeps } from '../deps.ts';

type Row = {
  id: string;
  phone: string;
  name: string | null;
  profileName: string | null;
  before: string[];
  after: string[];
};

const TAG_SQL = `
  WITH target AS (
    SELECT id, tags FROM "Contact" WHERE id = $1 AND "tenantId" = $2 FOR UPDATE
  )
  UPDATE "Contact" c
     SET tags = ARRAY(SELECT DISTINCT t FROM unnest(target.tags || $3::text[]) t WHERE t <> ALL($4::text[]) ORDER BY t),
         "updatedAt" = now()
    FROM target
   WHERE c.id = target.id
  RETURNING c.id, c.phone, c.name, c."profileName", target.tags AS before, c.tags AS after`;

export async function tagContactAtomically(
  deps: ActivityDeps,
  input: { tenantId: string; contactId: string; add: string[]; remove: string[] },
): Promise<string[]> {
  const { rows } = await deps.pool.query<Row>(TAG_SQL, [input.contactId, input.tenantId, input.add, input.remove]);
  const row = rows[0];
  if (!row) {
    throw ApplicationFailure.nonRetryable(`Contact ${input.contactId} does not exist`, 'NotFound');
  }
  const { before, after, ...contact } = row;
  emitContactChanges(deps, input.tenantId, { ...contact, tags: before }, { ...contact, tags: after });
  return after;
}
