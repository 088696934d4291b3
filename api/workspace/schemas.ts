import { z } from 'zod';
import { workspaceNameSchema } from '../auth/schemas.ts';
import { dateTimeSchema } from '../common/schemas.ts';

export const timezoneSchema = z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Paris');

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(['provisioning', 'active', 'suspended']),
  createdAt: dateTimeSchema,
  settings: z.object({ timezone: z.string(), locale: z.string(), require2fa: z.boolean() }),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const updateWorkspaceInputSchema = z
  .object({
    name: workspaceNameSchema,
    timezone: timezoneSchema,
    locale: z.enum(['en', 'fr', 'ar', 'es', 'pt', 'de']),
    require2fa: z.boolean(),
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
