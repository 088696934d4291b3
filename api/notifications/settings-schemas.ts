// Per-member notification settings (docs/inbox-extras.md): for each kind of event, whether the web
// app alerts in the app (a toast), with a browser notification, and with a sound. Stored per
// membership, so one person can choose differently in each workspace. Shared with web/: imports
// only zod. Routes: GET and PUT /api/notifications/settings (any member, not API keys).
//
// The server always records the in-app notifications it already creates (scheduled message
// failed, assignments, mentions) in the bell list; these settings decide how the web app alerts.
import { z } from 'zod';

export const NOTIFICATION_EVENTS = [
  /** A customer wrote in a conversation assigned to me. */
  'message_in_my_conversation',
  /** A new conversation arrived with nobody assigned. */
  'new_unassigned_conversation',
  /** A conversation was assigned to me (by someone else or by routing). */
  'assigned_to_me',
  /** Someone @mentioned me in a note. */
  'mentioned',
  /** A message I scheduled could not be sent. */
  'scheduled_message_failed',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['inApp', 'browser', 'sound'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const notificationPrefsSchema = z.object({ inApp: z.boolean(), browser: z.boolean(), sound: z.boolean() });
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

export const notificationSettingsSchema = z.object(
  Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, notificationPrefsSchema])) as Record<
    NotificationEvent,
    typeof notificationPrefsSchema
  >,
);
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const ALL_ON: NotificationPrefs = { inApp: true, browser: true, sound: true };

/** New members: everything on, except a sound for every unassigned conversation (busy queues). */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  message_in_my_conversation: ALL_ON,
  new_unassigned_conversation: { inApp: true, browser: true, sound: false },
  assigned_to_me: ALL_ON,
  mentioned: ALL_ON,
  scheduled_message_failed: ALL_ON,
};

/** What is stored (possibly older, with fewer events) read with the defaults filled in. */
export function readNotificationSettings(stored: unknown): NotificationSettings {
  const record = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => {
      const parsed = notificationPrefsSchema.partial().safeParse(record[event]);
      return [event, { ...DEFAULT_NOTIFICATION_SETTINGS[event], ...(parsed.success ? parsed.data : {}) }];
    }),
  ) as NotificationSettings;
}
