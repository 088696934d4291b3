// Settings → Notifications: how the app alerts me, per kind of event, in this workspace. Browser
// notifications need the browser's permission, asked from the button here (browsers allow asking
// only from a click).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationSettings,
} from '#api/notifications/settings-schemas';
import {
  fetchNotificationSettings,
  notificationSettingsKey,
  saveNotificationSettings,
} from '../../../api/notification-settings-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { askBrowserPermission, browserPermission } from '../../../notifications/browser-notifications.ts';
import { playChime } from '../../../notifications/play-sound.ts';

const EVENT_LABELS: Record<NotificationEvent, string> = {
  message_in_my_conversation: 'New message in my conversations',
  new_unassigned_conversation: 'New unassigned conversation',
  assigned_to_me: 'A conversation is assigned to me',
  mentioned: 'I am @mentioned in a note',
  scheduled_message_failed: 'A message I scheduled failed',
};
const CHANNEL_LABELS: Record<NotificationChannel, string> = { inApp: 'In app', browser: 'Browser', sound: 'Sound' };

export function NotificationsPage() {
  const settings = useQuery({ queryKey: notificationSettingsKey, queryFn: fetchNotificationSettings });
  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        description="How Parley alerts you in this workspace. Nothing alerts for the conversation you have open."
      />
      <BrowserPermissionCard />
      <Card>
        {settings.isPending ? (
          <LoadingState />
        ) : settings.error ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsTable initial={settings.data} />
        )}
      </Card>
    </div>
  );
}

function SettingsTable({ initial }: { initial: NotificationSettings }) {
  const [draft, setDraft] = useState(initial);
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationSettingsKey, saved);
      toast.show('Notification settings saved', 'success');
    },
    onError: () => toast.show('Could not save the notification settings', 'error'),
  });
  const toggle = (event: NotificationEvent, channel: NotificationChannel, on: boolean) =>
    setDraft((current) => ({ ...current, [event]: { ...current[event], [channel]: on } }));
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              {NOTIFICATION_CHANNELS.map((channel) => (
                <th key={channel} scope="col">
                  {CHANNEL_LABELS[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_EVENTS.map((event) => (
              <tr key={event}>
                <th scope="row" className="cell-strong">
                  {EVENT_LABELS[event]}
                </th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      role="switch"
                      className="switch"
                      aria-label={`${CHANNEL_LABELS[channel]}: ${EVENT_LABELS[event]}`}
                      checked={draft[event][channel]}
                      onChange={(e) => toggle(event, channel, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-actions">
        <Button variant="primary" isPending={save.isPending} onClick={() => save.mutate(draft)}>
          Save
        </Button>
      </div>
    </>
  );
}

function BrowserPermissionCard() {
  const [permission, setPermission] = useState(browserPermission);
  const description =
    permission === 'granted'
      ? 'This browser shows Parley notifications.'
      : permission === 'denied'
        ? 'This browser blocks Parley notifications: allow them in the site settings of your browser.'
        : permission === 'unsupported'
          ? 'This browser cannot show notifications.'
          : 'Allow this browser to show notifications when Parley is in the background.';
  return (
    <Card
      title="This browser"
      description={description}
      actions={
        <>
          <Button icon="bell" onClick={() => playChime()}>
            Play the sound
          </Button>
          {permission === 'default' && (
            <Button variant="primary" onClick={() => void askBrowserPermission().then(setPermission)}>
              Allow notifications
            </Button>
          )}
        </>
      }
    >
      <p className="cell-muted">Sounds play once you have clicked anywhere in Parley since opening it.</p>
    </Card>
  );
}
