import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export const notificationPageSchema = pageSchema(notificationSchema).extend({ unreadCount: z.number().int() });
export const notificationParamsSchema = idParamSchema('notificationId');
