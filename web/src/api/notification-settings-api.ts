import { notificationSettingsSchema, type NotificationSettings } from '#api/notifications/settings-schemas';
import { apiRequest } from './client.ts';

export const notificationSettingsKey = ['notification-settings'];

export const fetchNotificationSettings = () =>
  apiRequest('/api/notifications/settings', { schema: notificationSettingsSchema });

export const saveNotificationSettings = (settings: NotificationSettings) =>
  apiRequest('/api/notifications/settings', { method: 'PUT', body: settings, schema: notificationSettingsSchema });
