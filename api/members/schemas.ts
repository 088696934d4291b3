import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const memberSchema = z.object({
  id: z.uuid(),
  createdAt: dateTimeSchema,
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    totpEnabled: z.boolean(),
    lastLoginAt: dateTimeSchema.nullable(),
  }),
  role: z.object({ id: z.uuid(), name: z.string() }),
});
export type Member = z.infer<typeof memberSchema>;
export const memberPageSchema = pageSchema(memberSchema);

export const memberParamsSchema = idParamSchema('memberId');

export const updateMemberInputSchema = z.object({ roleId: z.uuid('is not a valid role id') });
