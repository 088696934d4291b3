// Contacts, custom fields and contact groups (api/contacts/schemas.ts).
import {
  bulkResultSchema,
  contactGroupListSchema,
  contactGroupSchema,
  contactPageSchema,
  contactSchema,
  customFieldListSchema,
  customFieldSchema,
  deleteCustomFieldResultSchema,
  eraseResultSchema,
  type ContactFilter,
  type CreateContactGroupInput,
  type CreateContactInput,
  type UpdateContactGroupInput,
  type UpdateContactInput,
} from '#api/contacts/schemas';
import type { CustomFieldInput, CustomFieldUpdate } from '#api/contacts/custom-field-schemas';
import { apiDownload, apiRequest } from './client.ts';

export const contactsKey = ['contacts'];
export const customFieldsKey = ['custom-fields'];
export const contactGroupsKey = ['contact-groups'];

function filterQuery(filter: ContactFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
}

export const listContacts = (filter: ContactFilter, cursor: string | null, limit = 25) =>
  apiRequest('/api/contacts', {
    query: { ...filterQuery(filter), limit, ...(cursor ? { cursor } : {}) },
    schema: contactPageSchema,
  });

export const getContact = (id: string) => apiRequest(`/api/contacts/${id}`, { schema: contactSchema });

export const createContact = (input: CreateContactInput) =>
  apiRequest('/api/contacts', { method: 'POST', body: input, schema: contactSchema });

export const updateContact = (id: string, input: UpdateContactInput) =>
  apiRequest(`/api/contacts/${id}`, { method: 'PATCH', body: input, schema: contactSchema });

export const bulkTagContacts = (ids: string[], add: string[], remove: string[] = []) =>
  apiRequest('/api/contacts/bulk/tags', { method: 'POST', body: { ids, add, remove }, schema: bulkResultSchema });

export const eraseContact = (id: string) =>
  apiRequest(`/api/contacts/${id}/erase`, { method: 'POST', body: {}, schema: eraseResultSchema });

export const downloadContactsCsv = (filter: ContactFilter) =>
  apiDownload('/api/contacts/export.csv', `contacts-${new Date().toISOString().slice(0, 10)}.csv`, {
    query: filterQuery(filter),
  });

export const downloadContactData = (id: string) => apiDownload(`/api/contacts/${id}/export`, `contact-${id}.json`);

export const listCustomFields = () => apiRequest('/api/custom-fields', { schema: customFieldListSchema });

export const createCustomField = (input: CustomFieldInput) =>
  apiRequest('/api/custom-fields', { method: 'POST', body: input, schema: customFieldSchema });

export const updateCustomField = (id: string, input: CustomFieldUpdate) =>
  apiRequest(`/api/custom-fields/${id}`, { method: 'PATCH', body: input, schema: customFieldSchema });

export const deleteCustomField = (id: string, key: string) =>
  apiRequest(`/api/custom-fields/${id}`, {
    method: 'DELETE',
    query: { confirm: key },
    schema: deleteCustomFieldResultSchema,
  });

export const listContactGroups = () => apiRequest('/api/contact-groups', { schema: contactGroupListSchema });

export const createContactGroup = (input: Partial<CreateContactGroupInput> & { name: string }) =>
  apiRequest('/api/contact-groups', { method: 'POST', body: input, schema: contactGroupSchema });

export const updateContactGroup = (id: string, input: UpdateContactGroupInput) =>
  apiRequest(`/api/contact-groups/${id}`, { method: 'PATCH', body: input, schema: contactGroupSchema });

export const deleteContactGroup = (id: string) => apiRequest(`/api/contact-groups/${id}`, { method: 'DELETE' });

export const addGroupMembers = (groupId: string, contactIds: string[]) =>
  apiRequest(`/api/contact-groups/${groupId}/members`, {
    method: 'POST',
    body: { contactIds },
    schema: bulkResultSchema,
  });

export const removeGroupMembers = (groupId: string, contactIds: string[]) =>
  apiRequest(`/api/contact-groups/${groupId}/members/remove`, {
    method: 'POST',
    body: { contactIds },
    schema: bulkResultSchema,
  });
