import { z } from 'zod';
import { dateTimeSchema, pageSchema } from '../common/schemas.ts';

export const auditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  actorLabel: z.string(),
  actorUserId: z.uuid().nullable(),
  actorApiKeyId: z.uuid().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: dateTimeSchema,
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageSchema(auditEntrySchema);

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional().describe('Exact action, or a prefix ending in "." such as "member."'),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
