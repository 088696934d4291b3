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
  /** Addresses and CIDR ranges the key may be used from; empty: anywhere. */
  allowedIps: z.array(z.string()),
  createdAt: dateTimeSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export const apiKeyPageSchema = pageSchema(apiKeySchema);
export const apiKeyParamsSchema = idParamSchema('apiKeyId');

const IP_MESSAGE = 'is not an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32)';

/** One allow-list entry: an IPv4 or IPv6 address, or a CIDR range of either. */
export const allowedIpSchema = z
  .string()
  .trim()
  .pipe(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: IP_MESSAGE }));

/** Empty: the key works from anywhere. */
export const allowedIpsSchema = z
  .array(allowedIpSchema)
  .max(100, 'holds at most 100 entries')
  .transform((ips) => [...new Set(ips)]);

const apiKeyNameSchema = z.string().trim().min(2, 'must be at least 2 characters').max(60);

export const createApiKeyInputSchema = z.object({
  name: apiKeyNameSchema,
  roleId: z.uuid('is not a valid role id'),
  allowedIps: allowedIpsSchema.default([]),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

export const updateApiKeyInputSchema = z
  .object({ name: apiKeyNameSchema, allowedIps: allowedIpsSchema })
  .partial()
  .strict();
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInputSchema>;

export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
