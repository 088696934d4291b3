// Contacts, custom fields and contact groups as the API accepts and returns them (docs/contacts.md).
// Shared with web/: imports only zod and other schema files.
//
// Routes (permission):
//   GET    /api/contacts?search=&tag=&groupId=&optInStatus=&limit=&cursor=   contacts.view
//   GET    /api/contacts/export.csv?<same filters>                          contacts.view (streamed CSV)
//   GET    /api/contacts/:contactId                                         contacts.view
//   POST   /api/contacts | PATCH /api/contacts/:contactId                   contacts.manage
//   DELETE /api/contacts/:contactId[?erase=true]                            contacts.manage (audited)
//   POST   /api/contacts/bulk/tags {ids, add, remove}                       contacts.manage
//   GET    /api/contacts/:contactId/export                                  contacts.manage (GDPR JSON)
//   POST   /api/contacts/:contactId/erase                                   contacts.manage (GDPR erase)
//   GET/POST /api/custom-fields, PATCH/DELETE /api/custom-fields/:fieldId?confirm=<key>
//   GET/POST /api/contact-groups, PATCH/DELETE /api/contact-groups/:groupId,
//   POST /api/contact-groups/:groupId/members, POST /api/contact-groups/:groupId/members/remove
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, MAX_PAGE_SIZE } from '../common/schemas.ts';
import { CUSTOM_FIELD_TYPES } from './custom-field-schemas.ts';

export const OPT_IN_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;
export type OptInStatus = (typeof OPT_IN_STATUSES)[number];
/** Where consent was given or withdrawn; `manual` is a member editing the contact in the app. */
export const OPT_IN_SOURCES = ['manual', 'api', 'form', 'flow', 'import', 'inbox', 'keyword'] as const;

export const MAX_TAGS_PER_CONTACT = 50;
export const MAX_BULK_CONTACTS = 500;

const tagSchema = z.string().trim().min(1, 'A tag cannot be empty').max(50);
const tagsSchema = z.array(tagSchema).max(MAX_TAGS_PER_CONTACT);
export const contactLanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/, 'must be a language code such as en or pt_BR');
export const contactTimeZoneSchema = z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Paris');

export const contactGroupRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const contactEngagementSchema = z.object({
  /** Messages the business sent to the contact (flows, agents, campaigns). */
  messagesSentCount: z.number().int(),
  /** Messages the contact sent. */
  messagesReceivedCount: z.number().int(),
  lastInboundAt: dateTimeSchema.nullable(),
  lastOutboundAt: dateTimeSchema.nullable(),
  campaignsReceivedCount: z.number().int(),
  flowsCompletedCount: z.number().int(),
});

export const contactSchema = z.object({
  id: z.uuid(),
  /** E.164, e.g. +14155550123 */
  phone: z.string(),
  /** WhatsApp's id: the phone's digits */
  waId: z.string(),
  name: z.string().nullable(),
  profileName: z.string().nullable(),
  /** name, else the WhatsApp profile name, else the phone */
  displayName: z.string(),
  email: z.string().nullable(),
  language: z.string().nullable(),
  timeZone: z.string().nullable(),
  optInStatus: z.enum(OPT_IN_STATUSES),
  optInSource: z.string().nullable(),
  optInAt: dateTimeSchema.nullable(),
  tags: z.array(z.string()),
  /** Custom field values by key, in their stored form (api/contacts/field-values.ts). */
  fields: z.record(z.string(), z.unknown()),
  groups: z.array(contactGroupRefSchema),
  engagement: contactEngagementSchema,
  lastSeenAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type ContactView = z.infer<typeof contactSchema>;
export const contactPageSchema = z.object({
  items: z.array(contactSchema),
  nextCursor: z.string().nullable(),
  /** Contacts matching the filters that the caller may see. */
  total: z.number().int(),
});
export type ContactPage = z.infer<typeof contactPageSchema>;
export const contactParamsSchema = idParamSchema('contactId');

export const contactFilterSchema = z.object({
  /** Name, WhatsApp profile name, phone (digits are enough) or e-mail, case-insensitive. */
  search: z.string().trim().max(200).optional(),
  tag: tagSchema.optional(),
  /** Members of the group or of any group nested in it. */
  groupId: z.uuid('is not a valid id').optional(),
  optInStatus: z.enum(OPT_IN_STATUSES).optional(),
});
export type ContactFilter = z.output<typeof contactFilterSchema>;

export const listContactsQuerySchema = contactFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  /** `nextCursor` of the previous page (opaque). */
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListContactsQuery = z.output<typeof listContactsQuerySchema>;

const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();

const contactWritableSchema = z.object({
  name: nullableText(120),
  email: z.email('is not a valid e-mail address').max(254).nullable().optional(),
  language: contactLanguageSchema.nullable().optional(),
  timeZone: contactTimeZoneSchema.nullable().optional(),
  optInStatus: z.enum(OPT_IN_STATUSES).optional(),
  /** Defaults to `api` for API keys and `manual` for members when optInStatus changes. */
  optInSource: z.enum(OPT_IN_SOURCES).optional(),
  tags: tagsSchema.optional(),
  /** Custom field values by key; null clears one. Each is validated by its field's type. */
  fields: z.record(z.string(), z.unknown()).optional(),
});

export const createContactInputSchema = contactWritableSchema.extend({
  /** Any common format; without a country code the number must start with + or 00. */
  phone: z.string().trim().min(1, 'is required').max(40),
  groupIds: z.array(z.uuid('is not a valid id')).max(50).optional(),
});
export type CreateContactInput = z.output<typeof createContactInputSchema>;

export const updateContactInputSchema = contactWritableSchema
  .extend({ phone: z.string().trim().min(1, 'is required').max(40).optional() })
  .strict();
export type UpdateContactInput = z.output<typeof updateContactInputSchema>;

export const bulkTagContactsInputSchema = z
  .object({
    ids: z.array(z.uuid('is not a valid id')).min(1, 'select at least one contact').max(MAX_BULK_CONTACTS),
    add: tagsSchema.default([]),
    remove: tagsSchema.default([]),
  })
  .refine((input) => input.add.length + input.remove.length > 0, { message: 'add or remove a tag', path: ['add'] });
export type BulkTagContactsInput = z.output<typeof bulkTagContactsInputSchema>;
export const bulkResultSchema = z.object({ updated: z.number().int() });

export const deleteContactQuerySchema = z.object({
  /** true: GDPR erasure (messages, media, notes, sessions), the audit row keeps no personal data. */
  erase: z.enum(['true', 'false']).optional(),
});

export const eraseResultSchema = z.object({
  contactId: z.uuid(),
  conversations: z.number().int(),
  messages: z.number().int(),
  mediaFiles: z.number().int(),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;

// Custom fields

export const customFieldSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  agentVisible: z.boolean(),
  position: z.number().int(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type CustomFieldView = z.infer<typeof customFieldSchema>;
export const customFieldListSchema = z.object({ items: z.array(customFieldSchema) });
export const customFieldParamsSchema = idParamSchema('fieldId');
/** Deleting a field removes its values from every contact: the caller repeats the key to confirm. */
export const deleteCustomFieldQuerySchema = z.object({ confirm: z.string().optional() });
export const deleteCustomFieldResultSchema = z.object({ key: z.string(), contactsCleared: z.number().int() });

// Contact groups

export const contactGroupSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  /** Roles that see and message the group's contacts; empty: every role with contacts.view. */
  roleIds: z.array(z.string()),
  /** Direct members the caller may see. */
  contactCount: z.number().int(),
  createdAt: dateTimeSchema,
});
export type ContactGroupView = z.infer<typeof contactGroupSchema>;
export const contactGroupListSchema = z.object({ items: z.array(contactGroupSchema) });
export const contactGroupParamsSchema = idParamSchema('groupId');

const groupNameSchema = z.string().trim().min(1, 'Give the group a name').max(80);
const roleIdsSchema = z.array(z.uuid('is not a valid role id')).max(50);

export const createContactGroupInputSchema = z.object({
  name: groupNameSchema,
  parentId: z.uuid('is not a valid id').nullable().optional(),
  roleIds: roleIdsSchema.default([]),
});
export type CreateContactGroupInput = z.output<typeof createContactGroupInputSchema>;

export const updateContactGroupInputSchema = z
  .object({
    name: groupNameSchema.optional(),
    parentId: z.uuid('is not a valid id').nullable().optional(),
    roleIds: roleIdsSchema.optional(),
  })
  .strict();
export type UpdateContactGroupInput = z.output<typeof updateContactGroupInputSchema>;

export const groupMembersInputSchema = z.object({
  contactIds: z.array(z.uuid('is not a valid id')).min(1, 'select at least one contact').max(MAX_BULK_CONTACTS),
});
export type GroupMembersInput = z.output<typeof groupMembersInputSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
