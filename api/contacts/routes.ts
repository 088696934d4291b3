import { fileResponseSchema, tenantRoute, type Route } from '../http/define-route.ts';
import { eraseContact } from './erase-contact.ts';
import { exportContactData } from './export-contact-data.ts';
import { exportContactsCsv } from './export-contacts-csv.ts';
import { getContact, listContacts } from './list-contacts.ts';
import { bulkTagContacts, createContact, updateContact } from './manage-contacts.ts';
import {
  bulkResultSchema,
  bulkTagContactsInputSchema,
  contactFilterSchema,
  contactPageSchema,
  contactParamsSchema,
  contactSchema,
  createContactInputSchema,
  deleteContactQuerySchema,
  eraseResultSchema,
  listContactsQuerySchema,
  updateContactInputSchema,
} from './schemas.ts';

const tag = 'Contacts';

export const contactRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/contacts',
    tag,
    summary: 'Contacts the caller may see, newest first, filtered',
    description:
      'A contact in a contact group restricted to other roles is left out (docs/contacts.md). `total` counts every match.',
    permission: 'contacts.view',
    query: listContactsQuerySchema,
    response: contactPageSchema,
    handler: ({ query }, ctx) => listContacts(query, ctx),
  }),
  // Before /api/contacts/:contactId.
  tenantRoute({
    method: 'get',
    path: '/api/contacts/export.csv',
    tag,
    summary: 'The filtered contact list as CSV (streamed; formula-safe cells)',
    permission: 'contacts.view',
    query: contactFilterSchema,
    response: fileResponseSchema,
    file: { contentType: 'text/csv; charset=utf-8' },
    handler: ({ query }, ctx) => exportContactsCsv(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contacts',
    tag,
    summary: 'Create a contact',
    description:
      'The phone is stored in E.164 (a number already in the workspace answers 409 naming `phone`). Custom field values are validated by their type; an unknown key or a missing required field answers 400 naming `fields.<key>`.',
    permission: 'contacts.manage',
    body: createContactInputSchema,
    response: contactSchema,
    successStatus: 201,
    example: {
      body: {
        phone: '+14155550123',
        name: 'Ana Lima',
        optInStatus: 'opted_in',
        tags: ['vip'],
        fields: { plan: 'gold' },
      },
    },
    handler: ({ body }, ctx) => createContact(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contacts/bulk/tags',
    tag,
    summary: 'Add and remove tags on many contacts',
    permission: 'contacts.manage',
    body: bulkTagContactsInputSchema,
    response: bulkResultSchema,
    example: {
      body: { ids: ['5c9d2b7e-1a4f-4e3b-8c6d-7f8e9a0b1c2d'], add: ['vip'], remove: ['trial'] },
      response: { updated: 1 },
    },
    handler: ({ body }, ctx) => bulkTagContacts(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/contacts/:contactId',
    tag,
    summary: 'One contact with its engagement and groups',
    permission: 'contacts.view',
    params: contactParamsSchema,
    response: contactSchema,
    handler: ({ params }, ctx) => getContact(params.contactId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/contacts/:contactId',
    tag,
    summary: 'Edit a contact (fields: only the keys given change; null clears one)',
    permission: 'contacts.manage',
    params: contactParamsSchema,
    body: updateContactInputSchema,
    response: contactSchema,
    handler: ({ params, body }, ctx) => updateContact(params.contactId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/contacts/:contactId',
    tag,
    summary: 'Delete a contact and everything about them (audited; ?erase=true records a GDPR erasure)',
    permission: 'contacts.manage',
    params: contactParamsSchema,
    query: deleteContactQuerySchema,
    handler: async ({ params, query }, ctx) => {
      await eraseContact(params.contactId, ctx, query.erase === 'true' ? 'contact.erased' : 'contact.deleted');
    },
  }),
  tenantRoute({
    method: 'get',
    path: '/api/contacts/:contactId/export',
    tag,
    summary: 'GDPR: everything held about the contact, as JSON',
    permission: 'contacts.manage',
    params: contactParamsSchema,
    response: fileResponseSchema,
    file: { contentType: 'application/json; charset=utf-8' },
    handler: ({ params }, ctx) => exportContactData(params.contactId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contacts/:contactId/erase',
    tag,
    summary: 'GDPR: erase the contact, their messages, files, notes and sessions',
    description: 'One audit entry remains, holding the contact id and counts but no personal data.',
    permission: 'contacts.manage',
    params: contactParamsSchema,
    response: eraseResultSchema,
    handler: ({ params }, ctx) => eraseContact(params.contactId, ctx, 'contact.erased'),
  }),
];
