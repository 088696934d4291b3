// Nodes that change the contact: update_contact, add_tag, remove_tag. The activity returns the
// contact's new state, so later templates and conditions read the values just written.
import type { AddTagData } from '#flow-dsl/nodes/add_tag/schema';
import type { RemoveTagData } from '#flow-dsl/nodes/remove_tag/schema';
import type { UpdateContactData } from '#flow-dsl/nodes/update_contact/schema';
import { interpolate } from '#flow-dsl/template';
import { crm } from '../activities.ts';
import { scopeOf } from '../session.ts';
import { dataOf, next, type StepHandler } from './types.ts';

export const updateContactStep: StepHandler = async (session, step) => {
  const scope = scopeOf(session);
  const updates = dataOf<UpdateContactData>(step)
    .updates.filter((u) => u.field !== '')
    .map((u) => ({ field: u.field, value: interpolate(u.value, scope) }));
  const { tenantId, contactId } = session.input;
  session.context.contact = await crm.updateContact({ tenantId, contactId, updates });
  return next();
};

export const addTagStep: StepHandler = async (session, step) => {
  const { tenantId, contactId } = session.input;
  const tags = renderTags(session, dataOf<AddTagData>(step).tags);
  session.context.contact.tags = await crm.tagContact({ tenantId, contactId, add: tags });
  return next();
};

export const removeTagStep: StepHandler = async (session, step) => {
  const { tenantId, contactId } = session.input;
  const tags = renderTags(session, dataOf<RemoveTagData>(step).tags);
  session.context.contact.tags = await crm.tagContact({ tenantId, contactId, remove: tags });
  return next();
};

function renderTags(session: Parameters<StepHandler>[0], tags: string[]): string[] {
  const scope = scopeOf(session);
  return tags.map((t) => interpolate(t, scope).trim()).filter(Boolean);
}
