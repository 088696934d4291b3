// Saved segments as the API accepts and returns them. Shared with web/: imports only zod and the
// condition tree's schema (condition-schemas.ts).
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageQuerySchema, pageSchema } from '../common/schemas.ts';
import { OPT_IN_STATUSES, segmentConditionSchema } from './condition-schemas.ts';

export * from './condition-schemas.ts';

export const segmentParamsSchema = idParamSchema('segmentId');

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  condition: segmentConditionSchema,
  /** The size when it was last counted (saving, counting, listing members); null before. */
  lastCount: z.number().int().nullable(),
  lastCountedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

const nameSchema = z.string().trim().min(1, 'is required').max(80);
const descriptionSchema = z.string().trim().max(500).nullable();

export const createSegmentInputSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  condition: segmentConditionSchema,
});
export type CreateSegmentInput = z.infer<typeof createSegmentInputSchema>;

export const updateSegmentInputSchema = z
  .object({
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    condition: segmentConditionSchema.optional(),
  })
  .strict();
export type UpdateSegmentInput = z.infer<typeof updateSegmentInputSchema>;

export const countSegmentInputSchema = z.object({ condition: segmentConditionSchema });
export type CountSegmentInput = z.infer<typeof countSegmentInputSchema>;

export const segmentCountSchema = z.object({ count: z.number().int(), countedAt: dateTimeSchema });
export type SegmentCount = z.infer<typeof segmentCountSchema>;

export const segmentContactSchema = z.object({
  id: z.uuid(),
  phone: z.string(),
  name: z.string().nullable(),
  profileName: z.string().nullable(),
  email: z.string().nullable(),
  optInStatus: z.enum(OPT_IN_STATUSES),
  tags: z.array(z.string()),
  lastInboundAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type SegmentContact = z.infer<typeof segmentContactSchema>;
export const segmentContactPageSchema = pageSchema(segmentContactSchema);

export const segmentContactsQuerySchema = pageQuerySchema;

/** The builder's live view of an unsaved tree: its size and its first members. */
export const segmentPreviewInputSchema = z.object({
  condition: segmentConditionSchema,
  limit: z.number().int().min(1).max(50).default(10),
});
export type SegmentPreviewInput = z.infer<typeof segmentPreviewInputSchema>;
export const segmentPreviewSchema = z.object({
  count: z.number().int(),
  countedAt: dateTimeSchema,
  contacts: z.array(segmentContactSchema),
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;
