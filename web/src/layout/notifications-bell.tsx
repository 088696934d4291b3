// The bell in the top bar: the member's own notifications (a channel went down, …), refreshed live
// by `notification.created`. Opening one marks it read and follows its link.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { notificationPageSchema } from '#api/notifications/schemas';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationsKey,
  useNotifications,
} from '../api/notifications-api.ts';
import { Icon } from '../components/icon.tsx';
import { Popover } from '../components/popover.tsx';
import { useToast } from '../components/toast-context.ts';
import { errorMessage } from '../api/api-error.ts';
import { NotificationList } from './notification-list.tsx';

type NotificationPage = z.output<typeof notificationPageSchema>;

export function NotificationsBell() {
  const notifications = useNotifications();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const unread = notifications.data?.unreadCount ?? 0;

  /** Updates the cache at once so the badge reacts to the click, then confirms with the server. */
  const markRead = (ids: string[] | 'all') => {
    queryClient.setQueryData<NotificationPage>(notificationsKey, (page) => page && withRead(page, ids));
    const request = ids === 'all' ? markAllNotificationsRead() : Promise.all(ids.map(markNotificationRead));
    request
      .catch((error: unknown) => toast.show(errorMessage(error), 'error'))
      .finally(() => void queryClient.invalidateQueries({ queryKey: notificationsKey }));
  };

  return (
    <Popover
      label="Notifications"
      align="end"
      triggerClassName="bell-button"
      trigger={
        <>
          <Icon name="bell" size={18} />
          {unread > 0 && <span className="bell-badge">{unread}</span>}
        </>
      }
    >
      {(close) => (
        <NotificationList
          query={notifications}
          unread={unread}
          onMarkAllRead={() => markRead('all')}
          onOpen={(notification) => {
            if (!notification.readAt) {
              markRead([notification.id]);
            }
            if (notification.link) {
              close();
              // Links are app paths today; anything else is left to the browser.
              if (notification.link.startsWith('/')) {
                void navigate(notification.link);
              } else {
                window.location.assign(notification.link);
              }
            }
          }}
        />
      )}
    </Popover>
  );
}

function withRead(page: NotificationPage, ids: string[] | 'all'): NotificationPage {
  const now = new Date();
  const items = page.items.map((n) => (!n.readAt && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: now } : n));
  const newlyRead = items.filter((n, i) => n.readAt && !page.items[i]?.readAt).length;
  return { ...page, items, unreadCount: ids === 'all' ? 0 : Math.max(0, page.unreadCount - newlyRead) };
}
