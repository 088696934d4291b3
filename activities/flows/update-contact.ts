// The update_contact node: sets the contact's name and custom fields, then returns the contact
// as templates see it, so later nodes read the new values. Setting a value twice is harmless.
// Field values are text (interpolated templates) parsed by the field's type exactly as CSV imports
// are (api/contacts/field-values.ts): a value that does not fit, or a key that is no custom field
// of the workspace, fails the node with a non-retryable `BadInput` and changes nothing.
import { ApplicationFailure } from '@temporalio/activity';
import { loadFieldDefinitions, mergeFieldValues } from '#api/contacts/contact-fields';
import { emitContactChanges } from '#api/events/contact-events';
import { parseFieldText, type StoredFieldValue } from '#api/contacts/field-values';
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
    const definitions = input.updates.some((update) => update.field.startsWith('fields.'))
      ? await loadFieldDefinitions(db)
      : [];
    let name: string | undefined;
    const changes: Record<string, StoredFieldValue | null> = {};
    for (const update of input.updates) {
      if (update.field === 'name') {
        name = update.value;
      } else if (update.field.startsWith('fields.') && update.field.length > 'fields.'.length) {
        const key = update.field.slice('fields.'.length);
        const definition = definitions.find((field) => field.key === key);
        if (!definition) {
          throw ApplicationFailure.nonRetryable(`There is no custom contact field "${key}"`, 'BadInput');
        }
        const parsed = parseFieldText(definition, update.value);
        if (!parsed.ok) {
          throw ApplicationFailure.nonRetryable(`fields.${key}: ${parsed.message}`, 'BadInput');
        }
        changes[key] = parsed.value;
      } else {
        throw ApplicationFailure.nonRetryable(`Unknown contact field "${update.field}"`, 'BadInput');
      }
    }
    const fields = mergeFieldValues(contactScope(current).fields, changes);
    const updated = await db.contact.update({
      where: { id: input.contactId },
      data: { fields: fields as object, ...(name === undefined ? {} : { name }) },
      select: contactScopeSelect,
    });
    // A retry finds the values already set: no change, no event.
    emitContactChanges(deps, input.tenantId, current, updated);
    return contactScope(updated);
  };
}
