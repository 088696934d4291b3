import { z } from 'zod';
import { workspaceNameSchema } from '../auth/schemas.ts';
import { dateTimeSchema } from '../common/schemas.ts';

export const timezoneSchema = z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Paris');

/** A message quota: a positive whole number, or null for unlimited. */
const messageQuotaSchema = z.number().int().min(1).max(1_000_000_000).nullable();

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(['provisioning', 'active', 'suspended']),
  createdAt: dateTimeSchema,
  settings: z.object({
    timezone: z.string(),
    locale: z.string(),
    require2fa: z.boolean(),
    /** The plan's outbound messages per UTC day and calendar month; null: unlimited (docs/campaigns.md). */
    maxMessagesPerDay: z.number().int().nullable(),
    maxMessagesPerMonth: z.number().int().nullable(),
    /** The plan's REST API requests per minute; null: the server default (docs/api-hardening.md). */
    apiRequestsPerMinute: z.number().int().nullable(),
  }),
  /** The API request budget in force: the plan's limit, else the server default. */
  apiRequestsPerMinute: z.number().int(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const updateWorkspaceInputSchema = z
  .object({
    name: workspaceNameSchema,
    timezone: timezoneSchema,
    locale: z.enum(['en', 'fr', 'ar', 'es', 'pt', 'de']),
    require2fa: z.boolean(),
    maxMessagesPerDay: messageQuotaSchema,
    maxMessagesPerMonth: messageQuotaSchema,
    apiRequestsPerMinute: z
      .number()
      .int()
      .min(100, 'must be at least 100 requests per minute')
      .max(1_000_000)
      .nullable(),
  })
  .partial()
  .strict();
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceInputSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
