import { z } from 'zod';
import { dateTimeSchema, pageSchema } from '../common/schemas.ts';

export const apiRequestSchema = z.object({
  id: z.uuid(),
  actorLabel: z.string(),
  actorUserId: z.uuid().nullable(),
  actorApiKeyId: z.uuid().nullable(),
  method: z.string(),
  /** The route pattern, e.g. /api/contacts/:contactId */
  route: z.string(),
  path: z.string(),
  status: z.number().int(),
  latencyMs: z.number().int(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: dateTimeSchema,
});
export type ApiRequestView = z.infer<typeof apiRequestSchema>;
export const apiRequestPageSchema = pageSchema(apiRequestSchema);

export const API_REQUEST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const apiRequestFilterSchema = z.object({
  apiKeyId: z.uuid('is not a valid API key id').optional().describe('Requests made with this API key'),
  userId: z.uuid('is not a valid user id').optional().describe('Requests made by this signed-in user'),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(API_REQUEST_METHODS, { error: 'must be GET, POST, PUT, PATCH or DELETE' }))
    .optional(),
  path: z.string().trim().min(1).max(200).optional().describe('Text the route pattern or the path contains'),
  status: z
    .string()
    .regex(/^[1-5](\d\d|xx)$/i, 'must be a status code such as 404 or a class such as 4xx')
    .optional()
    .describe('A status code (429) or a class (4xx)'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ApiRequestFilter = z.infer<typeof apiRequestFilterSchema>;
