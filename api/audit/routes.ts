import { apiRequestRoutes } from '../api-requests/routes.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { listAuditLog } from './list-audit-log.ts';
import { auditFilterSchema, auditPageSchema } from './schemas.ts';

export const auditRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/audit-log',
    tag: 'Audit log',
    summary: 'Administrative actions in the workspace: who, what, when, from where',
    permission: 'audit.view',
    query: pageQuerySchema.extend(auditFilterSchema.shape),
    response: auditPageSchema,
    handler: ({ query }, ctx) => listAuditLog(query, ctx),
  }),
  // The API request log sits beside the audit log: same permission, same readers.
  ...apiRequestRoutes,
];
