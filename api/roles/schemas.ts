import { z } from 'zod';
import { ALL_PERMISSIONS } from '../auth/permissions.ts';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const permissionSchema = z.enum(ALL_PERMISSIONS);

export const roleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(permissionSchema),
  isSystem: z.boolean(),
  memberCount: z.number().int(),
  createdAt: dateTimeSchema,
});
export type Role = z.infer<typeof roleSchema>;
export const rolePageSchema = pageSchema(roleSchema);

export const roleParamsSchema = idParamSchema('roleId');

export const createRoleInputSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(50),
  description: z.string().trim().max(200).default(''),
  permissions: z.array(permissionSchema).min(1, 'choose at least one permission').max(ALL_PERMISSIONS.length),
});
export type CreateRoleInput = z.infer<typeof createRoleInputSchema>;

export const updateRoleInputSchema = createRoleInputSchema.partial().strict();
export type UpdateRoleInput = z.infer<typeof updateRoleInputSchema>;

export const permissionCatalogueSchema = z.array(z.object({ name: permissionSchema, description: z.string() }));
