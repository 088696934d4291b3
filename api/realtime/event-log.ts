// The recent events of each tenant, numbered, so a client that lost its connection can be sent
// exactly what it missed. Bounded: the last `maxEvents` per tenant, none older than `maxAgeMs`.
// In memory for one process; redis-event-log.ts shares the numbering between processes.
import { randomUUID } from 'node:crypto';
import type { LiveMeta, LoggedEvent, ResumeAnswer, ResumeInput } from './schemas.ts';

export type EventLogLimits = { maxEvents: number; maxAgeMs: number };
export const DEFAULT_EVENT_LOG_LIMITS: EventLogLimits = { maxEvents: 10_000, maxAgeMs: 10 * 60_000 };

export type EventLog = {
  /** Numbers the event (one more than the tenant's last) and keeps it. */
  append(tenantId: string, event: string, payload: Record<string, unknown>): Promise<LiveMeta>;
  /** What a client that saw up to `position` has missed. */
  resume(tenantId: string, position: ResumeInput): Promise<ResumeAnswer>;
};

/**
 * Entries before `head` are dropped. The array is compacted once the dropped ones are as many as
 * the kept ones, so dropping is O(1) amortized: a splice per event moved all 10,000 kept entries
 * on every event (a campaign's 1,000 messages/s bring 2,000–3,000 events/s).
 */
type Stream = { seq: number; entries: Array<LoggedEvent & { at: number }>; head: number };

function dropOldest(stream: Stream, count: number): void {
  stream.head += count;
  if (stream.head >= stream.entries.length - stream.head) {
    stream.entries.splice(0, stream.head);
    stream.head = 0;
  }
}

export function createMemoryEventLog(limits = DEFAULT_EVENT_LOG_LIMITS, now = Date.now): EventLog {
  const epoch = randomUUID();
  const streams = new Map<string, Stream>();
  const streamOf = (tenantId: string) => {
    let stream = streams.get(tenantId);
    if (!stream) {
      stream = { seq: 0, entries: [], head: 0 };
      streams.set(tenantId, stream);
    }
    const cutoff = now() - limits.maxAgeMs;
    let expired = 0;
    while (stream.head + expired < stream.entries.length && stream.entries[stream.head + expired]!.at < cutoff) {
      expired++;
    }
    dropOldest(stream, expired);
    return stream;
  };
  return {
    async append(tenantId, event, payload) {
      const stream = streamOf(tenantId);
      stream.seq += 1;
      stream.entries.push({ seq: stream.seq, event, payload, at: now() });
      dropOldest(stream, Math.max(0, stream.entries.length - stream.head - limits.maxEvents));
      return { epoch, seq: stream.seq };
    },
    async resume(tenantId, position) {
      const stream = streamOf(tenantId);
      const after = position.seq ?? 0;
      const missed: LoggedEvent[] = [];
      for (let i = stream.head; i < stream.entries.length; i++) {
        const { at: _at, ...entry } = stream.entries[i]!;
        if (entry.seq > after) {
          missed.push(entry);
        }
      }
      return answerResume(position, { epoch, seq: stream.seq }, missed);
    },
  };
}

/** Replay when every event after the client's is still kept, else a reset with the reason. */
export function answerResume(
  position: ResumeInput,
  current: { epoch: string; seq: number },
  missed: LoggedEvent[],
): ResumeAnswer {
  const { epoch, seq } = current;
  if (position.epoch === null || position.seq === null) {
    return { status: 'reset', epoch, seq, reason: 'first-connection' };
  }
  if (position.epoch !== epoch || position.seq > seq) {
    return { status: 'reset', epoch, seq, reason: 'other-epoch' };
  }
  const events = missed.filter((event) => event.seq <= seq);
  const isComplete =
    events.length === seq - position.seq && (events.length === 0 || events[0]!.seq === position.seq + 1);
  if (!isComplete) {
    return { status: 'reset', epoch, seq, reason: 'expired' };
  }
  return { status: 'replay', epoch, seq, events };
}
