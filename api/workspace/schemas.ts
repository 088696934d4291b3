import { z } from 'zod';
import { workspaceNameSchema } from '../auth/schemas.ts';
import { dateTimeSchema } from '../common/schemas.ts';

const setByOperator = z
  .never({ error: 'is part of the plan, set by the operator of this installation (npm run operator:plan)' })
  .describe('Part of the plan: refused here, set by the operator of the installation (npm run operator:plan)');

export const timezoneSchema = z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Paris');

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
    // The plan's limits are refused by name rather than as unknown keys: plan-limits.ts says why.
    maxMessagesPerDay: setByOperator,
    maxMessagesPerMonth: setByOperator,
    apiRequestsPerMinute: setByOperator,
    mediaQuotaBytes: setByOperator,
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
