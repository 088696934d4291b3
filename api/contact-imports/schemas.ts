// Contact imports as the API accepts and returns them: a CSV or Excel file uploaded, previewed,
// mapped column by column to contact fields, validated, then imported by the contactImport
// workflow. Shared with web/ (imports only zod).
import { z } from 'zod';
import { dateTimeSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_STATUSES = ['uploaded', 'importing', 'completed', 'failed', 'cancelled'] as const;
export type ContactImportStatus = (typeof IMPORT_STATUSES)[number];

/** Files up to this size are accepted (a 100,000-row CSV with a dozen columns is about 10 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Rows shown in the upload's preview. */
export const PREVIEW_ROWS = 20;
/** Row errors a validation lists in full; the rest are counted. */
export const MAX_LISTED_ERRORS = 500;

/** The contact's own columns a file column can fill; `fields.<key>` fills a custom field. */
export const CONTACT_TARGETS = ['phone', 'name', 'email', 'language', 'timeZone', 'optInStatus', 'tags'] as const;
export type ContactTarget = (typeof CONTACT_TARGETS)[number];

export const importTargetSchema = z.union([
  z.enum(CONTACT_TARGETS),
  z.string().regex(/^fields\.[a-z][a-z0-9_]{0,39}$/, 'must be a contact field or fields.<custom field key>'),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** Column name (as in the file's header row) -> target, or null to ignore the column. */
export const importMappingSchema = z.record(z.string().max(200), importTargetSchema.nullable());
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importOptionsSchema = z.object({
  mapping: importMappingSchema,
  /** What happens to a phone number already in the workspace: update its contact, or leave it as it is. */
  onExisting: z.enum(['update', 'skip']).default('update'),
  /** Added to every imported contact. */
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  groupId: z.uuid().nullable().default(null),
  /** ISO 3166 country (US, GB, BR) for numbers written without a country code. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like US')
    .nullable()
    .default(null),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

export const contactImportSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  mapping: importMappingSchema.nullable(),
  onExisting: z.enum(['update', 'skip']),
  tags: z.array(z.string()),
  groupId: z.uuid().nullable(),
  defaultCountry: z.string().nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  skippedCount: z.number().int(),
  rejectedCount: z.number().int(),
  /** A CSV of the rejected rows (each with its reasons) can be downloaded. */
  hasReport: z.boolean(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  startedAt: dateTimeSchema.nullable(),
  completedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type ContactImport = z.infer<typeof contactImportSchema>;
export const contactImportPageSchema = pageSchema(contactImportSchema);

export const listContactImportsQuerySchema = pageQuerySchema;
export const contactImportParamsSchema = z.object({ importId: z.uuid('is not a valid id') });

/** A target the mapping editor offers: contact fields first, then the workspace's custom fields. */
export const importTargetOptionSchema = z.object({
  target: z.string(),
  label: z.string(),
  /** text, number, date, dropdown, multi_select, checkbox for custom fields; `contact` otherwise. */
  type: z.string(),
  required: z.boolean(),
});
export type ImportTargetOption = z.infer<typeof importTargetOptionSchema>;

export const importPreviewSchema = z.object({
  import: contactImportSchema,
  headers: z.array(z.string()),
  /** The first rows, cells in header order. */
  rows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  /** The mapping the columns' names suggest (the saved one once an import started). */
  suggestedMapping: importMappingSchema,
  targets: z.array(importTargetOptionSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const rowErrorSchema = z.object({
  /** The row's number as a spreadsheet shows it: the header is row 1, the first contact row 2. */
  row: z.number().int(),
  /** The file's column, or null for a row-level problem. */
  column: z.string().nullable(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importValidationSchema = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** Row errors in row order, at most MAX_LISTED_ERRORS of them. */
  errors: z.array(rowErrorSchema),
  errorCount: z.number().int(),
  /** How many errors each column has (row-level ones under the empty name). */
  errorsByColumn: z.record(z.string(), z.number().int()),
});
export type ImportValidation = z.infer<typeof importValidationSchema>;
