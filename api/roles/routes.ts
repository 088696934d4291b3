import { PERMISSIONS, ALL_PERMISSIONS } from '../auth/permissions.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { listRoles } from './list-roles.ts';
import { createRole, deleteRole, updateRole } from './manage-roles.ts';
import {
  createRoleInputSchema,
  permissionCatalogueSchema,
  roleParamsSchema,
  rolePageSchema,
  roleSchema,
  updateRoleInputSchema,
} from './schemas.ts';

const tag = 'Roles';

export const roleRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/permissions',
    tag,
    summary: 'Every permission a role can hold',
    permission: null,
    response: permissionCatalogueSchema,
    handler: async () => ALL_PERMISSIONS.map((name) => ({ name, description: PERMISSIONS[name] })),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/roles',
    tag,
    summary: 'Roles of the workspace, built-in first',
    permission: null,
    query: pageQuerySchema,
    response: rolePageSchema,
    handler: ({ query }, ctx) => listRoles(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/roles',
    tag,
    summary: 'Create a custom role from named permissions',
    permission: 'roles.manage',
    body: createRoleInputSchema,
    response: roleSchema,
    successStatus: 201,
    example: {
      body: {
        name: 'Supervisor',
        description: 'Agents who also assign',
        permissions: ['inbox.view', 'inbox.reply', 'inbox.assign'],
      },
    },
    handler: ({ body }, ctx) => createRole(body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/roles/:roleId',
    tag,
    summary: 'Edit a custom role',
    permission: 'roles.manage',
    params: roleParamsSchema,
    body: updateRoleInputSchema,
    response: roleSchema,
    handler: ({ params, body }, ctx) => updateRole(params.roleId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/roles/:roleId',
    tag,
    summary: 'Delete a custom role nobody uses',
    permission: 'roles.manage',
    params: roleParamsSchema,
    handler: ({ params }, ctx) => deleteRole(params.roleId, ctx),
  }),
];
