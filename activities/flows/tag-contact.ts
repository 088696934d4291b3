// The add_tag and remove_tag nodes. Tags are a set: adding a present tag or removing an absent
// one changes nothing, so retries are safe. Returns the contact's tags after the change.
import { ApplicationFailure } from '@temporalio/activity';
import { emitContactChanges } from '#api/events/contact-events';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export type TagContactInput = { tenantId: string; contactId: string; add?: string[]; remove?: string[] };

const contactSelect = { id: true, phone: true, name: true, profileName: true, tags: true } as const;

export function createTagContactActivity(deps: ActivityDeps) {
  return async function tagContact(input: TagContactInput): Promise<string[]> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const contact = await db.contact.findUnique({ where: { id: input.contactId }, select: contactSelect });
    if (!contact) {
      throw ApplicationFailure.nonRetryable(`Contact ${input.contactId} does not exist`, 'NotFound');
    }
    const removed = new Set((input.remove ?? []).map(normalise));
    const tags = [...new Set([...contact.tags, ...(input.add ?? []).map(normalise)])].filter(
      (tag) => tag !== '' && !removed.has(tag),
    );
    await db.contact.update({ where: { id: input.contactId }, data: { tags } });
    // A retry finds the tags already there: nothing added, no event.
    emitContactChanges(deps, input.tenantId, contact, { ...contact, tags });
    return tags;
  };
}

function normalise(tag: string): string {
  return tag.trim();
}
