// Wakes snoozed conversations whose time has come: status back to open and a
// `conversation.updated` to open inboxes. The list and counts already show such a conversation as
// open (they compute it), so the sweep only has to make the row and live views agree; running
// every 30 s in each API process is plenty. One statement on the system connection across
// tenants (docs/security.md): each row is woken once, whichever process gets it, since the UPDATE
// re-checks its WHERE on the locked row. The (status, snoozedUntil) index keeps it to the rows due.
import type pg from 'pg';
import type { Logger } from '#lib/logger';
import type { RealtimePublisher } from '../realtime/publisher.ts';

export const SNOOZE_SWEEP_INTERVAL_MS = 30_000;
const BATCH = 1000;

const WAKE = `
  UPDATE "Conversation" SET status = 'open', "snoozedUntil" = NULL, "updatedAt" = now()
  WHERE id IN (
    SELECT id FROM "Conversation" WHERE status = 'snoozed' AND "snoozedUntil" <= $1::timestamp(3)
    ORDER BY "snoozedUntil" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
  )
  RETURNING id, "tenantId", "channelId"`;

export type SweepDeps = { pool: pg.Pool; realtime: RealtimePublisher; logger: Logger };

/** Wakes every conversation due at `now`; returns how many. */
export async function wakeSnoozedConversations(deps: SweepDeps, now = new Date()): Promise<number> {
  let woken = 0;
  for (;;) {
    const { rows } = await deps.pool.query<{ id: string; tenantId: string; channelId: string }>(WAKE, [
      now.toISOString(),
    ]);
    for (const row of rows) {
      deps.realtime.publish(row.tenantId, 'conversation.updated', {
        conversationId: row.id,
        channelId: row.channelId,
        changes: ['status'],
      });
    }
    woken += rows.length;
    if (rows.length < BATCH) {
      return woken;
    }
  }
}

/** Runs the sweep every interval until the returned stop is called. */
export function startSnoozeSweep(deps: SweepDeps, intervalMs = SNOOZE_SWEEP_INTERVAL_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = wakeSnoozedConversations(deps).catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'could not wake snoozed conversations'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
