import { useQuery } from '@tanstack/react-query';
import { notificationPageSchema } from '#api/notifications/schemas';
import { apiRequest } from './client.ts';

export const notificationsKey = ['notifications'];

/** The latest notifications and the unread count; older ones are not worth a "Load more" in a bell. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => apiRequest('/api/notifications', { query: { limit: 20 }, schema: notificationPageSchema }),
  });
}

export const markNotificationRead = (notificationId: string) =>
  apiRequest(`/api/notifications/${notificationId}/read`, { method: 'POST' });

export const markAllNotificationsRead = () => apiRequest('/api/notifications/read-all', { method: 'POST' });
