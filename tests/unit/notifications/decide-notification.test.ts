// Who is alerted by which live event, under which settings, and never for the conversation they
// are looking at.
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '#api/notifications/settings-schemas';
import {
  decideNotification,
  type NotifierInput,
  type ViewState,
} from '../../../web/src/notifications/decide-notification.ts';

const me = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const conv = '33333333-3333-4333-8333-333333333333';
const elsewhere: ViewState = { openConversationId: null, focused: true };
const all = DEFAULT_NOTIFICATION_SETTINGS;
const inbound = (extra: Partial<Extract<NotifierInput, { event: 'message.created' }>>): NotifierInput => ({
  event: 'message.created',
  conversationId: conv,
  direction: 'inbound',
  ...extra,
});

it.each<[string, NotifierInput, string | null]>([
  ['a customer writes in my conversation', inbound({ assigneeUserId: me }), 'message_in_my_conversation'],
  ["a customer writes in someone else's", inbound({ assigneeUserId: other }), null],
  [
    'a new conversation nobody has',
    inbound({ assigneeUserId: null, conversationIsNew: true }),
    'new_unassigned_conversation',
  ],
  ['a new message in an old unassigned one', inbound({ assigneeUserId: null, conversationIsNew: false }), null],
  ['an outbound message', inbound({ direction: 'outbound', assigneeUserId: me }), null],
  ['assigned to me', { event: 'conversation.assigned', conversationId: conv, assigneeUserId: me }, 'assigned_to_me'],
  ['assigned to someone else', { event: 'conversation.assigned', conversationId: conv, assigneeUserId: other }, null],
  ['mentioned in a note', { event: 'note.created', conversationId: conv, mentionedUserIds: [other, me] }, 'mentioned'],
  ['a note mentioning others', { event: 'note.created', conversationId: conv, mentionedUserIds: [other] }, null],
  [
    'my scheduled message failed',
    { event: 'notification.created', userId: me, kind: 'scheduled_message.failed', conversationId: conv },
    'scheduled_message_failed',
  ],
  [
    "someone else's failed",
    { event: 'notification.created', userId: other, kind: 'scheduled_message.failed', conversationId: conv },
    null,
  ],
  [
    'an assignment notice (its own live event alerts)',
    { event: 'notification.created', userId: me, kind: 'conversation.assigned', conversationId: conv },
    null,
  ],
])('[notifications] %s', (_title, input, kind) => {
  const decision = decideNotification(input, me, all, elsewhere);
  expect(decision?.kind ?? null).toBe(kind);
});

it('[notifications] the channels follow the member’s settings, and all off means no alert', () => {
  const settings: NotificationSettings = {
    ...all,
    message_in_my_conversation: { inApp: true, browser: false, sound: true },
    mentioned: { inApp: false, browser: false, sound: false },
  };
  expect(decideNotification(inbound({ assigneeUserId: me }), me, settings, elsewhere)).toEqual({
    kind: 'message_in_my_conversation',
    conversationId: conv,
    inApp: true,
    browser: false,
    sound: true,
  });
  expect(
    decideNotification(
      { event: 'note.created', conversationId: conv, mentionedUserIds: [me] },
      me,
      settings,
      elsewhere,
    ),
  ).toBeNull();
  expect(
    decideNotification(inbound({ assigneeUserId: null, conversationIsNew: true }), me, all, elsewhere),
  ).toMatchObject({ sound: false, browser: true });
});

it('[notifications] nothing alerts for the conversation open in a focused window; it does when the window is in the background', () => {
  const looking: ViewState = { openConversationId: conv, focused: true };
  const away: ViewState = { openConversationId: conv, focused: false };
  expect(decideNotification(inbound({ assigneeUserId: me }), me, all, looking)).toBeNull();
  expect(decideNotification(inbound({ assigneeUserId: me }), me, all, away)?.kind).toBe('message_in_my_conversation');
  expect(decideNotification(inbound({ assigneeUserId: me, conversationId: other }), me, all, looking)?.kind).toBe(
    'message_in_my_conversation',
  );
});
