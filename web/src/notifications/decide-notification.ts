// Which live event alerts the signed-in member, and how (in-app toast, browser notification,
// sound), from their settings. Pure, so it is tested without a browser. Nothing alerts for the
// conversation the member is looking at (open and the window focused): they see it already.
import type { NotificationEvent, NotificationPrefs, NotificationSettings } from '#api/notifications/settings-schemas';

/** Live events with what the notifier learned about them (api/realtime/schemas.ts payloads). */
export type NotifierInput =
  | {
      event: 'message.created';
      conversationId: string;
      direction: 'inbound' | 'outbound';
      /** The conversation's agent when the message arrived (null: nobody; undefined: not said). */
      assigneeUserId?: string | null;
      conversationIsNew?: boolean;
    }
  /** conversation.updated whose changes include the assignee, with the assignee it now has. */
  | { event: 'conversation.assigned'; conversationId: string; assigneeUserId: string | null }
  | { event: 'note.created'; conversationId: string; mentionedUserIds: string[] }
  | { event: 'notification.created'; userId: string; kind: string; conversationId: string | null };

export type ViewState = { openConversationId: string | null; focused: boolean };

export type NotifierDecision = NotificationPrefs & { kind: NotificationEvent; conversationId: string | null };

export function decideNotification(
  input: NotifierInput,
  me: string,
  settings: NotificationSettings,
  view: ViewState,
): NotifierDecision | null {
  const kind = kindOf(input, me);
  if (!kind) {
    return null;
  }
  const conversationId = input.conversationId;
  if (conversationId && view.focused && view.openConversationId === conversationId) {
    return null;
  }
  const prefs = settings[kind];
  if (!prefs.inApp && !prefs.browser && !prefs.sound) {
    return null;
  }
  return { kind, conversationId, ...prefs };
}

function kindOf(input: NotifierInput, me: string): NotificationEvent | null {
  switch (input.event) {
    case 'message.created':
      if (input.direction !== 'inbound') {
        return null;
      }
      if (input.assigneeUserId === me) {
        return 'message_in_my_conversation';
      }
      return input.conversationIsNew && input.assigneeUserId === null ? 'new_unassigned_conversation' : null;
    case 'conversation.assigned':
      return input.assigneeUserId === me ? 'assigned_to_me' : null;
    case 'note.created':
      return input.mentionedUserIds.includes(me) ? 'mentioned' : null;
    case 'notification.created':
      // Other kinds (assignments, mentions) have their own live events above: alerting for both
      // would alert twice.
      return input.userId === me && input.kind === 'scheduled_message.failed' ? 'scheduled_message_failed' : null;
  }
}

export const NOTIFICATION_TITLES: Record<NotificationEvent, string> = {
  message_in_my_conversation: 'New message',
  new_unassigned_conversation: 'New conversation waiting',
  assigned_to_me: 'Conversation assigned to you',
  mentioned: 'You were mentioned',
  scheduled_message_failed: 'A scheduled message was not sent',
};
