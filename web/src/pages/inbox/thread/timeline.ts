// The thread as one time-ordered list: messages, internal notes and scheduled messages, with day
// separators, reactions folded onto the message they react to and replies linked to their quote.
// Pure, so the ordering rules are unit tested.
import type { Note } from '#api/inbox/schemas';
import type { MessageView } from '#api/messages/schemas';
import type { ScheduledMessageView } from '#api/scheduled-messages/schemas';

export type TimelineEntry =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: MessageView; quoted: MessageView | null; reactions: string[] }
  | { kind: 'note'; key: string; note: Note }
  | { kind: 'scheduled'; key: string; scheduled: ScheduledMessageView };

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function buildTimeline(
  messages: MessageView[],
  notes: Note[],
  scheduled: ScheduledMessageView[],
  formatDay: (date: Date) => string = (date) => dayFormat.format(date),
): TimelineEntry[] {
  const byProviderId = new Map(
    messages.filter((m) => m.providerMessageId).map((m) => [m.providerMessageId as string, m]),
  );
  const reactions = reactionsByTarget(messages, byProviderId);
  const items: Array<{ at: number; entry: TimelineEntry }> = [];
  for (const message of messages) {
    const target = message.type === 'reaction' ? reactionTarget(message) : null;
    if (target && byProviderId.has(target)) {
      continue;
    }
    const quoted = message.replyToProviderId ? (byProviderId.get(message.replyToProviderId) ?? null) : null;
    const entry: TimelineEntry = {
      kind: 'message',
      key: message.id,
      message,
      quoted,
      reactions: (message.providerMessageId && reactions.get(message.providerMessageId)) || [],
    };
    items.push({ at: message.createdAt.getTime(), entry });
  }
  for (const note of notes) {
    items.push({ at: note.createdAt.getTime(), entry: { kind: 'note', key: `note-${note.id}`, note } });
  }
  // Still to go: after everything that happened, in the order they will be sent.
  for (const each of scheduled) {
    items.push({ at: Infinity, entry: { kind: 'scheduled', key: `scheduled-${each.id}`, scheduled: each } });
  }
  items.sort((a, b) => a.at - b.at || sendAtOf(a.entry) - sendAtOf(b.entry));

  const timeline: TimelineEntry[] = [];
  let lastDay = '';
  for (const { at, entry } of items) {
    const day = Number.isFinite(at) ? formatDay(new Date(at)) : 'Scheduled';
    if (day !== lastDay) {
      timeline.push({ kind: 'day', key: `day-${day}`, label: day });
      lastDay = day;
    }
    timeline.push(entry);
  }
  return timeline;
}

function sendAtOf(entry: TimelineEntry): number {
  return entry.kind === 'scheduled' ? entry.scheduled.sendAt.getTime() : 0;
}

function reactionTarget(message: MessageView): string | null {
  const part = message.content.reaction as { message_id?: unknown } | undefined;
  return typeof part?.message_id === 'string' ? part.message_id : null;
}

/** Each side's latest emoji on each message: a later reaction replaces, an empty one removes. */
function reactionsByTarget(messages: MessageView[], byProviderId: Map<string, MessageView>): Map<string, string[]> {
  const latest = new Map<string, Map<string, string>>();
  const ordered = [...messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const message of ordered) {
    const target = message.type === 'reaction' ? reactionTarget(message) : null;
    if (!target || !byProviderId.has(target)) {
      continue;
    }
    const emoji = (message.content.reaction as { emoji?: unknown }).emoji;
    const sides = latest.get(target) ?? new Map<string, string>();
    sides.set(message.direction, typeof emoji === 'string' ? emoji : '');
    latest.set(target, sides);
  }
  return new Map([...latest].map(([id, sides]) => [id, [...sides.values()].filter(Boolean)]));
}
