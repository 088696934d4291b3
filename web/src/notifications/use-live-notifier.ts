// Turns live events into alerts for the signed-in member (decide-notification.ts decides; this
// gathers what it needs and shows the toast, the browser notification and the chime). Runs on
// the events as they arrive over the socket, so an alert follows the inbound webhook by the time
// the event takes; a fetch happens only for assignments and failed scheduled messages.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { z } from 'zod';
import { notificationPageSchema } from '#api/notifications/schemas';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '#api/notifications/settings-schemas';
import { apiRequest } from '../api/client.ts';
import { notificationSettingsKey, fetchNotificationSettings } from '../api/notification-settings-api.ts';
import { useToast } from '../components/toast-context.ts';
import type { LiveEvent } from '../realtime/live-events.ts';
import { showBrowserNotification } from './browser-notifications.ts';
import { decideNotification, NOTIFICATION_TITLES, type NotifierInput } from './decide-notification.ts';
import { playChime } from './play-sound.ts';

export function useLiveNotifier(me: string): (events: LiveEvent[]) => void {
  // Refs, so the returned function changes only with the member: the socket depends on it.
  const toast = useToast();
  const toastRef = useRef(toast);
  useEffect(() => {
    toastRef.current = toast;
  }, [toast]);
  const settings = useQuery({ queryKey: notificationSettingsKey, queryFn: fetchNotificationSettings });
  const settingsRef = useRef<NotificationSettings>(DEFAULT_NOTIFICATION_SETTINGS);
  useEffect(() => {
    settingsRef.current = settings.data ?? DEFAULT_NOTIFICATION_SETTINGS;
  }, [settings.data]);

  return useCallback(
    (events: LiveEvent[]) => {
      for (const event of events) {
        void toInput(event).then((input) => {
          const decision = input && decideNotification(input, me, settingsRef.current, currentView());
          if (!decision) {
            return;
          }
          const title = NOTIFICATION_TITLES[decision.kind];
          const link = decision.conversationId ? `/inbox/${decision.conversationId}` : null;
          if (decision.inApp) {
            toastRef.current.show(title, decision.kind === 'scheduled_message_failed' ? 'error' : 'info');
          }
          if (decision.browser) {
            showBrowserNotification(
              title,
              'Open the inbox to see it.',
              link,
              `${decision.kind}:${decision.conversationId}`,
            );
          }
          if (decision.sound) {
            playChime();
          }
        });
      }
    },
    [me],
  );
}

export function invalidateNotificationSettings(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationSettingsKey });
}

function currentView() {
  const open = /\/inbox\/([0-9a-f-]{36})/i.exec(window.location.pathname)?.[1] ?? null;
  return { openConversationId: open, focused: document.visibilityState === 'visible' && document.hasFocus() };
}

/** All an assignment alert needs from the conversation (without a schema apiRequest reads no body). */
const assigneeSchema = z.looseObject({ assignee: z.looseObject({ userId: z.string() }).nullable() });

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** What the decision needs from one event, fetching only what the payload does not carry. */
async function toInput({ name, payload }: LiveEvent): Promise<NotifierInput | null> {
  const conversationId = text(payload.conversationId);
  const raw = payload as Record<string, unknown>;
  try {
    if (name === 'message.created' && conversationId) {
      if (raw.conversationIsNew === true && raw.assigneeUserId === null && (await routedMeanwhile(conversationId))) {
        return null; // routing gave it an agent: its assignment event alerts them, nobody else needs to
      }
      return {
        event: name,
        conversationId,
        direction: raw.direction === 'outbound' ? 'outbound' : 'inbound',
        ...(raw.assigneeUserId !== undefined ? { assigneeUserId: text(raw.assigneeUserId) } : {}),
        ...(typeof raw.conversationIsNew === 'boolean' ? { conversationIsNew: raw.conversationIsNew } : {}),
      };
    }
    if (
      name === 'conversation.updated' &&
      conversationId &&
      Array.isArray(raw.changes) &&
      raw.changes.includes('assignee')
    ) {
      const { assignee } = await apiRequest(`/api/conversations/${conversationId}`, { schema: assigneeSchema });
      return { event: 'conversation.assigned', conversationId, assigneeUserId: assignee?.userId ?? null };
    }
    if (name === 'note.created' && conversationId && Array.isArray(raw.mentionedUserIds)) {
      return {
        event: name,
        conversationId,
        mentionedUserIds: raw.mentionedUserIds.filter((id) => typeof id === 'string'),
      };
    }
    if (name === 'notification.created' && text(raw.userId) && text(raw.notificationId)) {
      const page = await apiRequest('/api/notifications', { query: { limit: 20 }, schema: notificationPageSchema });
      const found = page.items.find((item) => item.id === raw.notificationId);
      if (!found) {
        return null;
      }
      const linked = /\/inbox\/([0-9a-f-]{36})/i.exec(found.link ?? '')?.[1] ?? null;
      return { event: name, userId: text(raw.userId) ?? '', kind: found.kind, conversationId: linked };
    }
  } catch {
    return null; // an alert is best effort: the inbox itself still updates
  }
  return null;
}

/** Routing assigns a new conversation just after it is stored: how long to wait before calling it unassigned. */
const ROUTING_GRACE_MS = 1500;

async function routedMeanwhile(conversationId: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, ROUTING_GRACE_MS));
  const { assignee } = await apiRequest(`/api/conversations/${conversationId}`, { schema: assigneeSchema });
  return assignee !== null && assignee !== undefined;
}
