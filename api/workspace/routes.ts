import { createWorkspaceInputSchema, sessionSchema } from '../auth/schemas.ts';
import { tenantRoute, userRoute, type Route } from '../http/define-route.ts';
import { createWorkspace } from './create-workspace.ts';
import { getWorkspace } from './get-workspace.ts';
import { updateWorkspaceInputSchema, workspaceSchema } from './schemas.ts';
import { updateWorkspace } from './update-workspace.ts';

const tag = 'Workspace';

export const workspaceRoutes: Route[] = [
  userRoute({
    method: 'post',
    path: '/api/workspaces',
    tag: 'Workspaces',
    summary: 'Create another workspace owned by the signed-in user and switch to it',
    body: createWorkspaceInputSchema,
    response: sessionSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => createWorkspace(body.name, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/workspace',
    tag,
    summary: 'The current workspace and its settings',
    permission: null,
    response: workspaceSchema,
    handler: (_input, ctx) => getWorkspace(ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/workspace',
    tag,
    summary: 'Rename the workspace or change its settings (time zone, language, required 2FA)',
    permission: 'workspace.manage',
    body: updateWorkspaceInputSchema,
    response: workspaceSchema,
    example: { body: { timezone: 'Europe/Paris', require2fa: true } },
    handler: ({ body }, ctx) => updateWorkspace(body, ctx),
  }),
];
