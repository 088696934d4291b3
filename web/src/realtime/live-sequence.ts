// Which live events this tab has applied, by their per-tenant number, so a reconnection asks only
// for what it missed and an event seen twice (live and in a replay) is applied once. Events from
// several API processes may arrive slightly out of order: numbers beyond a hole wait in `ahead`.
import type { LiveMeta, LoggedEvent, ResumeInput } from '#api/realtime/schemas';

export type LiveSequence = {
  readonly tenantId: string;
  /** What to send with `resume`: the last number with nothing missing before it. */
  position(): ResumeInput;
  /** A live event: true when it is new here (apply it), false when already applied. */
  accept(meta: LiveMeta | null): boolean;
  /** Something after `position()` arrived but a number before it did not (yet). */
  hasGap(): boolean;
  /** The server's numbering from now on (a first connection, or after a refetch). */
  reset(epoch: string, seq: number): void;
  /** A replay's events that were not applied yet. */
  replay(epoch: string, seq: number, events: LoggedEvent[]): LoggedEvent[];
  /** Unknown again (the server could not say): the next `resume` is answered as a first connection. */
  forget(): void;
};

export function createLiveSequence(tenantId: string): LiveSequence {
  let epoch: string | null = null;
  let seq = 0;
  let ahead = new Set<number>();
  let early: LiveMeta[] = [];
  const advance = () => {
    while (ahead.delete(seq + 1)) {
      seq += 1;
    }
  };
  const sequence: LiveSequence = {
    tenantId,
    position: () => (epoch === null ? { epoch: null, seq: null } : { epoch, seq }),
    accept(meta) {
      if (!meta) {
        return true;
      }
      if (epoch === null) {
        early.push(meta);
        return true;
      }
      if (meta.epoch !== epoch || meta.seq <= seq || ahead.has(meta.seq)) {
        // Another epoch is the server restarting: the reconnection's `resume` sorts it out.
        return meta.epoch !== epoch;
      }
      ahead.add(meta.seq);
      advance();
      return true;
    },
    hasGap: () => ahead.size > 0,
    reset(nextEpoch, nextSeq) {
      const seenBefore = early.filter((meta) => meta.epoch === nextEpoch && meta.seq > nextSeq);
      epoch = nextEpoch;
      seq = nextSeq;
      ahead = new Set(seenBefore.map((meta) => meta.seq));
      early = [];
      advance();
    },
    replay(nextEpoch, nextSeq, events) {
      if (epoch !== nextEpoch) {
        sequence.reset(nextEpoch, nextSeq);
        return events;
      }
      const fresh = events.filter((event) => event.seq > seq && !ahead.has(event.seq));
      fresh.forEach((event) => ahead.add(event.seq));
      advance();
      return fresh;
    },
    forget() {
      epoch = null;
      seq = 0;
      ahead = new Set();
      early = [];
    },
  };
  return sequence;
}
