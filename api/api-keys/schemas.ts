import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The start of the key, to tell keys apart; the key itself is shown only once. */
  prefix: z.string(),
  role: z.object({ id: z.uuid(), name: z.string() }),
  lastUsedAt: dateTimeSchema.nullable(),
  revokedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export const apiKeyPageSchema = pageSchema(apiKeySchema);
export const apiKeyParamsSchema = idParamSchema('apiKeyId');

export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(60),
  roleId: z.uuid('is not a valid role id'),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
