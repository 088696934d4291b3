import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationPageSchema, notificationSchema } from '#api/notifications/schemas';
import { Button } from '../components/button.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/states.tsx';
import { cx } from '../lib/cx.ts';
import { formatRelative, formatTimestamp } from '../lib/format-date.ts';

type Notification = z.output<typeof notificationSchema>;

type NotificationListProps = {
  query: UseQueryResult<z.output<typeof notificationPageSchema>>;
  unread: number;
  onOpen: (notification: Notification) => void;
  onMarkAllRead: () => void;
};

export function NotificationList({ query, unread, onOpen, onMarkAllRead }: NotificationListProps) {
  return (
    <div className="notifications">
      <div className="notifications-header">
        <p className="notifications-title">Notifications</p>
        <Button size="sm" variant="ghost" onClick={onMarkAllRead} disabled={unread === 0}>
          Mark all read
        </Button>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState icon="bell" title="You're all caught up" description="Problems with your numbers show up here." />
      ) : (
        <ul className="notifications-list">
          {query.data.items.map((notification) => (
            <li key={notification.id}>
              <button
                type="button"
                className={cx('notification', !notification.readAt && 'is-unread')}
                onClick={() => onOpen(notification)}
              >
                <span className="notification-title">{notification.title}</span>
                <span className="notification-body">{notification.body.replace(/\n{2,}/g, '\n')}</span>
                <span className="notification-meta">
                  <time dateTime={notification.createdAt.toISOString()} title={formatTimestamp(notification.createdAt)}>
                    {formatRelative(notification.createdAt)}
                  </time>
                  {notification.link && <span className="notification-link">Open</span>}
                  {!notification.readAt && <span className="visually-hidden">Unread</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
