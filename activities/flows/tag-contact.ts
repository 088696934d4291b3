// The add_tag and remove_tag nodes. Tags are a set: adding a present tag or removing an absent
// one changes nothing, so retries are safe. Returns the contact's tags after the change.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export type TagContactInput = { tenantId: string; contactId: string; add?: string[]; remove?: string[] };

export function createTagContactActivity(deps: ActivityDeps) {
  return async function tagContact(input: TagContactInput): Promise<string[]> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const contact = await db.contact.findUnique({ where: { id: input.contactId }, select: { tags: true } });
    if (!contact) {
      throw ApplicationFailure.nonRetryable(`Contact ${input.contactId} does not exist`, 'NotFound');
    }
    const removed = new Set((input.remove ?? []).map(normalise));
    const tags = [...new Set([...contact.tags, ...(input.add ?? []).map(normalise)])].filter(
      (tag) => tag !== '' && !removed.has(tag),
    );
    await db.contact.update({ where: { id: input.contactId }, data: { tags } });
    return tags;
  };
}

function normalise(tag: string): string {
  return tag.trim();
}
