// The signed-in member's own notifications (channel problems now; mentions and assignments later).
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageArgs, pageQuerySchema, toPage } from '../http/pagination.ts';
import { notificationPageSchema, notificationParamsSchema } from './schemas.ts';

const tag = 'Notifications';
const select = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

function userIdOf(ctx: TenantContext): string {
  if (ctx.principal.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Notifications belong to people, not API keys');
  }
  return ctx.principal.userId;
}

export const notificationRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/notifications',
    tag,
    summary: 'My notifications, newest first, with the unread count',
    permission: null,
    apiKeys: false,
    query: pageQuerySchema,
    response: notificationPageSchema,
    handler: async ({ query }, ctx) => {
      const userId = userIdOf(ctx);
      const [rows, unreadCount] = await Promise.all([
        ctx.db.notification.findMany({ ...pageArgs(query), where: { userId }, select }),
        ctx.db.notification.count({ where: { userId, readAt: null } }),
      ]);
      return { ...toPage(rows, query, (row) => row), unreadCount };
    },
  }),
  tenantRoute({
    method: 'post',
    path: '/api/notifications/:notificationId/read',
    tag,
    summary: 'Mark one notification read',
    permission: null,
    apiKeys: false,
    params: notificationParamsSchema,
    handler: async ({ params }, ctx) => {
      const updated = await ctx.db.notification.updateMany({
        where: { id: params.notificationId, userId: userIdOf(ctx) },
        data: { readAt: new Date() },
      });
      if (updated.count === 0) {
        throw AppError.notFound('Notification');
      }
    },
  }),
  tenantRoute({
    method: 'post',
    path: '/api/notifications/read-all',
    tag,
    summary: 'Mark all my notifications read',
    permission: null,
    apiKeys: false,
    handler: async (_input, ctx) => {
      await ctx.db.notification.updateMany({
        where: { userId: userIdOf(ctx), readAt: null },
        data: { readAt: new Date() },
      });
    },
  }),
];
