// Flows as the API accepts and returns them; shared with web/ (imports only zod and flow-dsl).
import { z } from 'zod';
import { flowDocumentSchema } from '#flow-dsl/document';
import { dateTimeSchema, idParamSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';

/** draft: never published; active: published and started by its trigger; inactive: published, switched off. */
export const FLOW_STATUSES = ['draft', 'active', 'inactive'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export const SESSION_STATUSES = [
  'running',
  'waiting',
  'handed_off',
  'completed',
  'cancelled',
  'failed',
  'timed_out',
] as const;

export const diagnosticSchema = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Where in the node's data (`buttons.1.title`) or the document (`trigger.keywords.0`). */
  field: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});
export type FlowDiagnostic = z.infer<typeof diagnosticSchema>;
export const diagnosticsSchema = z.object({ diagnostics: z.array(diagnosticSchema) });

/** A document in API responses: as stored (already valid), so its shape is not re-checked on the way out. */
const documentOutSchema = z.record(z.string(), z.unknown());

export const flowSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: z.enum(FLOW_STATUSES),
  /** The trigger of the active version (what routing uses); null until published. */
  trigger: z.record(z.string(), z.unknown()).nullable(),
  activeVersion: z.number().int().nullable(),
  lastPublishedAt: dateTimeSchema.nullable(),
  draftUpdatedAt: dateTimeSchema,
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;
export const flowPageSchema = pageSchema(flowSummarySchema);

export const flowSchema = flowSummarySchema.extend({
  draft: documentOutSchema,
  /** The draft changed after the active version was published. */
  hasUnpublishedChanges: z.boolean(),
  diagnostics: z.array(diagnosticSchema),
});
export type FlowView = z.infer<typeof flowSchema>;

export const flowParamsSchema = idParamSchema('flowId');
export const flowVersionParamsSchema = flowParamsSchema.extend({ version: z.coerce.number().int().min(1) });
export const flowSessionParamsSchema = idParamSchema('sessionId');

export const listFlowsQuerySchema = pageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
  status: z.enum(FLOW_STATUSES).optional(),
});
export type ListFlowsQuery = z.infer<typeof listFlowsQuerySchema>;

const nameSchema = z.string().trim().min(1, 'is required').max(80);

export const createFlowInputSchema = z.object({
  name: nameSchema,
  description: z.string().trim().max(500).optional(),
  /** Defaults to a start node alone with a manual trigger. */
  document: flowDocumentSchema.optional(),
});
export type CreateFlowInput = z.infer<typeof createFlowInputSchema>;

export const updateFlowInputSchema = z
  .object({ name: nameSchema, description: z.string().trim().max(500), document: flowDocumentSchema })
  .partial()
  .strict();
export type UpdateFlowInput = z.infer<typeof updateFlowInputSchema>;

export const importFlowInputSchema = z.object({
  /** An exported document of any schemaVersion; older ones are migrated. */
  document: z.unknown(),
  name: nameSchema.optional(),
});
export type ImportFlowInput = z.infer<typeof importFlowInputSchema>;
export const importedFlowSchema = flowSchema.extend({ migratedFrom: z.number().int().nullable() });

export const MAX_VERSION_NOTE_LENGTH = 500;

/** The optional body of a publish: what changed, shown in the version list. */
export const publishFlowInputSchema = z
  .object({ note: z.string().trim().max(MAX_VERSION_NOTE_LENGTH).optional() })
  .default({});
export type PublishFlowInput = z.infer<typeof publishFlowInputSchema>;

export const flowVersionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  hash: z.string(),
  /** The publisher's note; null when none was given. */
  note: z.string().nullable(),
  isActive: z.boolean(),
  publishedAt: dateTimeSchema,
  publishedById: z.string().nullable(),
});
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;
export const flowVersionListSchema = z.object({ items: z.array(flowVersionSummarySchema) });
export const flowVersionSchema = flowVersionSummarySchema.extend({
  document: documentOutSchema,
  program: documentOutSchema,
});
export type FlowVersionView = z.infer<typeof flowVersionSchema>;

export const rollbackFlowInputSchema = z.object({ version: z.number().int().min(1) });

export const exportedFlowSchema = documentOutSchema;
