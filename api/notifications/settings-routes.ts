// The signed-in member's notification settings in this workspace (stored on their membership).
import { AppError } from '../errors.ts';
import type { TenantContext } from '../context.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { notificationSettingsSchema, readNotificationSettings, type NotificationSettings } from './settings-schemas.ts';

const tag = 'Notifications';

export const notificationSettingsRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/notifications/settings',
    tag,
    summary: 'How the web app alerts me, per kind of event (in-app, browser, sound)',
    permission: null,
    apiKeys: false,
    response: notificationSettingsSchema,
    handler: async (_input, ctx) => {
      const membership = await ctx.db.membership.findFirst({
        where: { userId: userIdOf(ctx) },
        select: { notificationSettings: true },
      });
      return readNotificationSettings(membership?.notificationSettings);
    },
  }),
  tenantRoute({
    method: 'put',
    path: '/api/notifications/settings',
    tag,
    summary: 'Replace my notification settings',
    permission: null,
    apiKeys: false,
    body: notificationSettingsSchema,
    response: notificationSettingsSchema,
    handler: async ({ body }, ctx) => {
      await ctx.db.membership.updateMany({
        where: { userId: userIdOf(ctx) },
        data: { notificationSettings: body satisfies NotificationSettings },
      });
      return body;
    },
  }),
];

function userIdOf(ctx: TenantContext): string {
  if (ctx.principal.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Notification settings belong to people, not API keys');
  }
  return ctx.principal.userId;
}
