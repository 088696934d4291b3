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

type Stream = { seq: number; entries: Array<LoggedEvent & { at: number }> };

export function createMemoryEventLog(limits = DEFAULT_EVENT_LOG_LIMITS, now = Date.now): EventLog {
  const epoch = randomUUID();
  const streams = new Map<string, Stream>();
  const streamOf = (tenantId: string) => {
    const stream = streams.get(tenantId) ?? { seq: 0, entries: [] };
    streams.set(tenantId, stream);
    const cutoff = now() - limits.maxAgeMs;
    const expired = stream.entries.findIndex((entry) => entry.at >= cutoff);
    stream.entries.splice(0, expired === -1 ? stream.entries.length : expired);
    return stream;
  };
  return {
    async append(tenantId, event, payload) {
      const stream = streamOf(tenantId);
      stream.seq += 1;
      stream.entries.push({ seq: stream.seq, event, payload, at: now() });
      if (stream.entries.length > limits.maxEvents) {
        stream.entries.splice(0, stream.entries.length - limits.maxEvents);
      }
      return { epoch, seq: stream.seq };
    },
    async resume(tenantId, position) {
      const stream = streamOf(tenantId);
      const after = position.seq ?? 0;
      const missed = stream.entries.filter((entry) => entry.seq > after).map(({ at: _at, ...entry }) => entry);
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
