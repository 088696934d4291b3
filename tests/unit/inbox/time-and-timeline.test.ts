// Times the inbox shows (waiting badges, the 24-hour window) and the thread's ordering: notes
// between messages, reactions folded onto their message, replies linked to the quoted one.
import type { Note } from '#api/inbox/schemas';
import type { MessageView } from '#api/messages/schemas';
import { formatDuration, slaBadge, waitingLevel, windowState } from '../../../web/src/pages/inbox/time-text.ts';
import { buildTimeline } from '../../../web/src/pages/inbox/thread/timeline.ts';

const NOW = Date.parse('2026-05-04T12:00:00Z');

describe('[inbox] durations', () => {
  it('formats compactly', () => {
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(5 * 60_000)).toBe('5m');
    expect(formatDuration(2 * 3_600_000 + 15 * 60_000)).toBe('2h 15m');
    expect(formatDuration(30 * 3_600_000)).toBe('1d');
  });

  it('a waiting customer turns amber after 15 minutes and red after an hour', () => {
    expect(waitingLevel(new Date(NOW - 5 * 60_000), NOW).level).toBe('ok');
    expect(waitingLevel(new Date(NOW - 20 * 60_000), NOW)).toEqual({ level: 'warning', text: '20m' });
    expect(waitingLevel(new Date(NOW - 90 * 60_000), NOW).level).toBe('breach');
  });

  it('says how long the 24-hour window stays open, and when it is closed', () => {
    expect(windowState(new Date(NOW + 3 * 3_600_000), NOW)).toEqual({
      isOpen: true,
      text: '3h left to reply freely',
      isEnding: false,
    });
    expect(windowState(new Date(NOW + 20 * 60_000), NOW).isEnding).toBe(true);
    expect(windowState(null, NOW).isOpen).toBe(false);
    expect(windowState(new Date(NOW - 1), NOW).isOpen).toBe(false);
  });
});

describe('[inbox] SLA badges', () => {
  const at = (minutes: number) => new Date(NOW + minutes * 60_000);
  it('stays quiet while on track and names the nearest due time otherwise', () => {
    expect(slaBadge(null, NOW)).toBeNull();
    expect(slaBadge({ firstResponseDueAt: at(30), resolutionDueAt: null, state: 'ok' }, NOW)).toBeNull();
    expect(slaBadge({ firstResponseDueAt: at(4), resolutionDueAt: at(600), state: 'warning' }, NOW)).toEqual({
      level: 'warning',
      text: 'SLA due 4m',
      title: 'First response due soon',
    });
    expect(slaBadge({ firstResponseDueAt: null, resolutionDueAt: at(-90), state: 'breached' }, NOW)).toEqual({
      level: 'breach',
      text: 'SLA late 1h 30m',
      title: 'Resolution target missed',
    });
  });
});

describe('[inbox] the thread timeline', () => {
  const message = (id: string, minute: number, extra: Partial<MessageView> = {}): MessageView => ({
    id,
    conversationId: 'c',
    channelId: 'ch',
    contactId: 'ct',
    direction: 'inbound',
    type: 'text',
    content: { type: 'text', text: { body: id } },
    text: id,
    status: 'received',
    error: null,
    providerMessageId: `wamid.${id}`,
    replyToProviderId: null,
    media: null,
    createdAt: new Date(NOW + minute * 60_000),
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    ...extra,
  });
  const note = (id: string, minute: number): Note => ({
    id,
    conversationId: 'c',
    body: id,
    author: null,
    mentions: [],
    pinnedAt: null,
    createdAt: new Date(NOW + minute * 60_000),
  });

  it('interleaves notes by time, links replies and folds reactions', () => {
    const reaction = message('r', 3, {
      direction: 'outbound',
      type: 'reaction',
      content: { type: 'reaction', reaction: { message_id: 'wamid.a', emoji: '👍' } },
      text: null,
    });
    const reply = message('b', 2, { direction: 'outbound', replyToProviderId: 'wamid.a' });
    // Newest first, as the API pages them.
    const timeline = buildTimeline([reaction, reply, message('a', 0)], [note('n', 1)], [], () => 'Today');
    expect(timeline.map((e) => e.key)).toEqual(['day-Today', 'a', 'note-n', 'b']);
    const [, first, , second] = timeline;
    expect(first).toMatchObject({ kind: 'message', reactions: ['👍'] });
    expect(second).toMatchObject({ kind: 'message', quoted: { id: 'a' } });
  });

  it('keeps a reaction to a message not loaded yet as its own entry', () => {
    const orphan = message('r', 1, {
      type: 'reaction',
      content: { type: 'reaction', reaction: { message_id: 'wamid.old', emoji: '❤️' } },
    });
    expect(buildTimeline([orphan], [], [], () => 'Today').map((e) => e.key)).toEqual(['day-Today', 'r']);
  });
});
