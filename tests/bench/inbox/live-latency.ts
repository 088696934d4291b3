// Live latency: an agent's Socket.IO connection (authenticated with the access token, as the web
// app's realtime provider does) while signed WhatsApp webhooks arrive at a fixed rate, open loop
// (sends follow the clock, not the answers). Each inbound message is timed from just before its
// webhook POST leaves to the matching `message.created` event reaching the client.
//
// The event names Parley's message id, the webhook Meta's (provider) id; once the load is over
// the stored rows give the pairs. A stored message with no event is a missed event.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { io } from 'socket.io-client';
import { Pool } from 'undici';
import { escapeNonAscii, signatureFor } from '#api/whatsapp/signature';
import { messagesWebhook, unixNow } from '../../support/whatsapp-webhook.ts';
import type { BenchChannel } from './workspace.ts';

export type LiveOptions = { rate: number; seconds: number; warmupSeconds: number };
export type LiveResult = {
  sent: number;
  measuredSent: number;
  statuses: Map<number, number>;
  /** Webhook POST to event, for the messages sent after the warm-up. */
  latencies: number[];
  /** Webhook POST to Parley's answer (stored, then acknowledged), same messages. */
  ackLatencies: number[];
  stored: number;
  missed: number;
  /** Events numbered out of order or with a gap in the workspace's sequence. */
  sequenceGaps: number;
  elapsedSeconds: number;
};

const DRAIN_TIMEOUT_MS = 15_000;

export async function measureLive(
  base: string,
  db: pg.Client,
  tenantId: string,
  token: string,
  channel: BenchChannel,
  options: LiveOptions,
): Promise<LiveResult> {
  // Customers who already have a conversation (with its history) on this number, as on a busy
  // day: ingestion updates existing threads rather than only creating new ones.
  const customers = (
    await db.query<{ waId: string }>(
      `SELECT ct."waId" FROM "Conversation" cv JOIN "Contact" ct ON ct.id = cv."contactId"
       WHERE cv."channelId" = $1 ORDER BY random() LIMIT 2000`,
      [channel.channelId],
    )
  ).rows.map((row) => row.waId);
  if (customers.length === 0) {
    throw new Error('no seeded customers on the live channel');
  }

  const receivedAt = new Map<string, number>();
  let lastSeq = 0;
  let sequenceGaps = 0;
  const socket = io(base, { path: '/socket.io', auth: { token } });
  socket.on('message.created', (payload: { messageId: string; direction: string }, meta?: { seq: number }) => {
    receivedAt.set(payload.messageId, performance.now());
    checkSequence(meta);
  });
  // Every numbered event counts for the sequence check, not only message.created.
  socket.onAny((event: string, _payload: unknown, meta?: { seq: number }) => {
    if (event !== 'message.created') {
      checkSequence(meta);
    }
  });
  function checkSequence(meta?: { seq: number }) {
    if (meta && typeof meta.seq === 'number') {
      if (lastSeq !== 0 && meta.seq !== lastSeq + 1) {
        sequenceGaps++;
      }
      lastSeq = meta.seq;
    }
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`live connection refused: ${error.message}`)));
  });

  const pool = new Pool(base, { connections: 64, pipelining: 1 });
  const sentAt = new Map<string, number>();
  const measured = new Set<string>();
  const statuses = new Map<number, number>();
  const ackLatencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const warmup = Math.round(options.rate * options.warmupSeconds);
  const total = warmup + Math.round(options.rate * options.seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const id = `wamid.live${i}.${randomBytes(6).toString('hex')}`;
    const from = customers[i % customers.length]!;
    const body = escapeNonAscii(
      JSON.stringify(
        messagesWebhook(channel.phoneNumberId, {
          contacts: [{ wa_id: from, profile: { name: `Customer ${from.slice(-4)}` } }],
          messages: [
            { from, id, timestamp: unixNow(), type: 'text', text: { body: `Is my order ${i} on its way? 🚚` } },
          ],
        }),
      ),
    );
    if (i >= warmup) {
      measured.add(id);
    }
    const postedAt = performance.now();
    sentAt.set(id, postedAt);
    inFlight.push(
      pool
        .request({
          path: `/webhooks/whatsapp/${channel.channelId}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(body, channel.appSecret) },
          body,
        })
        .then(async (response) => {
          await response.body.dump();
          if (i >= warmup) {
            ackLatencies.push(performance.now() - postedAt);
          }
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        })
        .catch(() => {
          statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  await pool.close();

  // Pair stored messages with events; wait for the stragglers, then count what never came.
  const stored = (
    await db.query<{ id: string; providerMessageId: string }>(
      `SELECT id, "providerMessageId" FROM "Message" WHERE "tenantId" = $1 AND "providerMessageId" = ANY($2)`,
      [tenantId, [...sentAt.keys()]],
    )
  ).rows;
  const drainUntil = performance.now() + DRAIN_TIMEOUT_MS;
  while (stored.some((row) => !receivedAt.has(row.id)) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  socket.disconnect();

  const latencies: number[] = [];
  let missed = 0;
  for (const row of stored) {
    const at = receivedAt.get(row.id);
    if (at === undefined) {
      missed++;
    } else if (measured.has(row.providerMessageId)) {
      latencies.push(at - sentAt.get(row.providerMessageId)!);
    }
  }
  return {
    sent: total,
    measuredSent: measured.size,
    statuses,
    latencies,
    ackLatencies,
    stored: stored.length,
    missed,
    sequenceGaps,
    elapsedSeconds,
  };
}
