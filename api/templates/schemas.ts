// WhatsApp message templates as the API accepts and returns them (docs/templates.md). Shared with
// web/: imports only zod and api/common/schemas.ts (the rules live in rule-schemas.ts).
//
// Routes (permission):
//   GET    /api/templates?status=&channelId=&category=&search=&limit=&cursor=   templates.view
//   GET    /api/templates/:templateId                                          templates.view
//   POST   /api/templates                 a draft                              templates.manage
//   PATCH  /api/templates/:templateId     draft, rejected, approved, paused    templates.manage
//   POST   /api/templates/:templateId/submit   to Meta for review              templates.manage
//   DELETE /api/templates/:templateId     here and at Meta                     templates.manage
//   POST   /api/templates/sync?channelId=     reconcile with Meta now          templates.manage
//   POST   /api/templates/validate        the rules and counters, nothing saved templates.view
//
// A template is edited as a `definition` (header, body, footer, buttons, with one sample per
// variable) and stored as Meta's components (with their examples), so what is submitted is what is
// stored. Status follows Meta: pending → approved | rejected; approved → paused → disabled.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, MAX_PAGE_SIZE } from '../common/schemas.ts';

export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const PARAMETER_FORMATS = ['positional', 'named'] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

/** Parley's statuses: `draft` (never submitted) plus Meta's (contract §6, §9), lower-cased. */
export const TEMPLATE_STATUSES = [
  'draft',
  'pending',
  'approved',
  'rejected',
  'paused',
  'disabled',
  'in_appeal',
  'flagged',
  'limit_exceeded',
  'archived',
  'pending_deletion',
  'deleted',
] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Statuses whose content Meta lets us change (contract §9 "Edits"), plus our drafts. */
export const EDITABLE_STATUSES: readonly TemplateStatus[] = ['draft', 'rejected', 'approved', 'paused'];

export const QUALITY_SCORES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

export const HEADER_MEDIA_FORMATS = ['image', 'video', 'document'] as const;
export type HeaderMediaFormat = (typeof HEADER_MEDIA_FORMATS)[number];

/** Sample values keyed by variable: `{"1": "Ana"}` (positional) or `{"first_name": "Ana"}` (named). */
const examplesSchema = z.record(z.string().max(200), z.string().max(2000)).default({});

export const templateHeaderSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('text'), text: z.string().max(10_000), examples: examplesSchema }),
  z.object({
    format: z.enum(HEADER_MEDIA_FORMATS),
    /** A file of the media library: Meta needs a sample of the header media to review it. */
    mediaId: z.uuid('is not a file of the media library').nullable().default(null),
  }),
]);
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;

export const templateButtonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), text: z.string().max(1000) }),
  z.object({
    type: z.literal('url'),
    text: z.string().max(1000),
    url: z.string().max(10_000),
    /** The sample for the URL's variable (the part that replaces `{{1}}` at the end). */
    example: z.string().max(10_000).optional(),
  }),
  z.object({ type: z.literal('phone_number'), text: z.string().max(1000), phoneNumber: z.string().max(100) }),
  z.object({
    type: z.literal('copy_code'),
    /** Meta fixes the label ("Copy code"); the sample code is what reviewers see. */
    example: z.string().max(1000),
  }),
]);
export type TemplateButton = z.infer<typeof templateButtonSchema>;

export const templateDefinitionSchema = z.object({
  header: templateHeaderSchema.nullable().default(null),
  body: z.object({ text: z.string().max(100_000), examples: examplesSchema }),
  footer: z
    .object({ text: z.string().max(10_000) })
    .nullable()
    .default(null),
  buttons: z.array(templateButtonSchema).max(50).default([]),
});
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;

/** The parts of a template the rules check, as typed; the rules give per-field messages. */
export const templateDraftInputSchema = z.object({
  channelId: z.uuid('is not a channel id'),
  name: z.string().max(1000),
  language: z.string().max(100),
  category: z.enum(TEMPLATE_CATEGORIES),
  parameterFormat: z.enum(PARAMETER_FORMATS).default('positional'),
  definition: templateDefinitionSchema,
});
export type TemplateDraftInput = z.infer<typeof templateDraftInputSchema>;

export const updateTemplateInputSchema = templateDraftInputSchema.omit({ channelId: true }).partial();
export type UpdateTemplateInput = z.infer<typeof updateTemplateInputSchema>;

export const templateParamsSchema = idParamSchema('templateId');

export const listTemplatesQuerySchema = z.object({
  status: z.enum(TEMPLATE_STATUSES).optional(),
  channelId: z.uuid('is not a channel id').optional(),
  category: z.enum(TEMPLATE_CATEGORIES).optional(),
  language: z.string().max(20).optional(),
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuerySchema>;

export const syncTemplatesQuerySchema = z.object({ channelId: z.uuid('is not a channel id').optional() });

export const templateSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.enum(TEMPLATE_CATEGORIES),
  parameterFormat: z.enum(PARAMETER_FORMATS),
  definition: templateDefinitionSchema,
  status: z.enum(TEMPLATE_STATUSES),
  rejectionReason: z.string().nullable(),
  qualityScore: z.string().nullable(),
  providerTemplateId: z.string().nullable(),
  submittedAt: dateTimeSchema.nullable(),
  statusChangedAt: dateTimeSchema.nullable(),
  lastSyncedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type TemplateView = z.infer<typeof templateSchema>;

export const templatePageSchema = z.object({ items: z.array(templateSchema), nextCursor: z.string().nullable() });

export const templateIssueSchema = z.object({ field: z.string(), message: z.string() });

export const templateCountsSchema = z.object({
  header: z.object({ characters: z.number(), max: z.number(), variables: z.number() }),
  body: z.object({ characters: z.number(), max: z.number(), variables: z.array(z.string()) }),
  footer: z.object({ characters: z.number(), max: z.number() }),
  buttons: z.object({ total: z.number(), max: z.number() }),
});

export const validationResultSchema = z.object({
  valid: z.boolean(),
  issues: z.array(templateIssueSchema),
  counts: templateCountsSchema,
});

export const syncResultSchema = z.object({
  channels: z.number().int(),
  updated: z.number().int(),
  imported: z.number().int(),
  /** Local templates Meta no longer has (deleted there): marked `deleted`. */
  missing: z.number().int(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
