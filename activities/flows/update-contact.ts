// The update_contact node: sets the contact's name and custom fields, then returns the contact
// as templates see it, so later nodes read the new values. Setting a value twice is harmless.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { ContactScope } from '#workflows/flow-session/state';
import type { ActivityDeps } from '../deps.ts';
import { contactScope, contactScopeSelect } from './contact-scope.ts';

export type UpdateContactInput = {
  tenantId: string;
  contactId: string;
  /** Already interpolated by the workflow; `name` or `fields.<key>`. */
  updates: Array<{ field: string; value: string }>;
};

export function createUpdateContactActivity(deps: ActivityDeps) {
  return async function updateContact(input: UpdateContactInput): Promise<ContactScope> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const current = await db.contact.findUnique({ where: { id: input.contactId }, select: contactScopeSelect });
    if (!current) {
      throw ApplicationFailure.nonRetryable(`Contact ${input.contactId} does not exist`, 'NotFound');
    }
    const fields = { ...contactScope(current).fields };
    let name: string | undefined;
    for (const update of input.updates) {
      if (update.field === 'name') {
        name = update.value;
      } else if (update.field.startsWith('fields.') && update.field.length > 'fields.'.length) {
        fields[update.field.slice('fields.'.length)] = update.value;
      } else {
        throw ApplicationFailure.nonRetryable(`Unknown contact field "${update.field}"`, 'BadInput');
      }
    }
    const updated = await db.contact.update({
      where: { id: input.contactId },
      data: { fields: fields as object, ...(name === undefined ? {} : { name }) },
      select: contactScopeSelect,
    });
    return contactScope(updated);
  };
}
