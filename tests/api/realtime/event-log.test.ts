// The live-update log both ways it is kept: in memory (one process) and in Redis (shared by every
// process). Numbers are dense per tenant, a client is sent exactly what it missed, and what is
// no longer kept (too many, too old, another epoch) makes it refetch instead.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createMemoryEventLog, type EventLog, type EventLogLimits } from '#api/realtime/event-log';
import { createRedisEventLog } from '#api/realtime/redis-event-log';
import { startRedis } from '../../support/redis-server.ts';

let redisServer: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];

beforeAll(async () => {
  redisServer = await startRedis();
});
afterAll(async () => {
  clients.forEach((client) => client.disconnect());
  await redisServer.stop();
});

const limits: EventLogLimits = { maxEvents: 5, maxAgeMs: 60_000 };
type MakeLog = (clock: () => number) => EventLog;
const kinds: Array<[string, MakeLog]> = [
  ['memory', (clock) => createMemoryEventLog(limits, clock)],
  [
    'redis',
    (clock) => {
      const client = new Redis(redisServer.url);
      clients.push(client);
      return createRedisEventLog(client, limits, clock);
    },
  ],
];

describe.each(kinds)('[realtime] the %s event log', (_kind, makeLog) => {
  let now = 1_000_000;
  const clock = () => now;

  it('numbers each tenant’s events from 1 and replays exactly those after a position, in order', async () => {
    const log = makeLog(clock);
    const [tenant, other] = [randomUUID(), randomUUID()];
    const first = await log.append(tenant, 'message.created', { n: 1 });
    await log.append(other, 'message.created', { n: 'other' });
    await log.append(tenant, 'conversation.updated', { n: 2 });
    await log.append(tenant, 'message.updated', { n: 3 });
    expect(first.seq).toBe(1);

    const answer = await log.resume(tenant, { epoch: first.epoch, seq: 1 });
    expect(answer).toEqual({
      status: 'replay',
      epoch: first.epoch,
      seq: 3,
      events: [
        { seq: 2, event: 'conversation.updated', payload: { n: 2 } },
        { seq: 3, event: 'message.updated', payload: { n: 3 } },
      ],
    });
    expect(await log.resume(tenant, { epoch: first.epoch, seq: 3 })).toMatchObject({ status: 'replay', events: [] });
  });

  it('gives a first connection the current position, and refetch orders for another epoch', async () => {
    const log = makeLog(clock);
    const tenant = randomUUID();
    const fresh = await log.resume(tenant, { epoch: null, seq: null });
    expect(fresh).toMatchObject({ status: 'reset', reason: 'first-connection', seq: 0 });
    const meta = await log.append(tenant, 'message.created', {});
    expect(fresh.status === 'reset' && fresh.epoch).toBe(meta.epoch);
    expect(await log.resume(tenant, { epoch: 'an-old-epoch', seq: 1 })).toMatchObject({
      status: 'reset',
      reason: 'other-epoch',
      seq: 1,
    });
  });

  it('keeps the last maxEvents, so a client further behind refetches', async () => {
    const log = makeLog(clock);
    const tenant = randomUUID();
    let epoch = '';
    for (let n = 1; n <= 8; n += 1) {
      epoch = (await log.append(tenant, 'message.created', { n })).epoch;
    }
    expect(await log.resume(tenant, { epoch, seq: 2 })).toMatchObject({ status: 'reset', reason: 'expired', seq: 8 });
    const kept = await log.resume(tenant, { epoch, seq: 3 });
    expect(kept.status === 'replay' && kept.events.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8]);
    // However many follow, the kept ones move along: none lost, none repeated, none too old.
    for (let n = 9; n <= 40; n += 1) {
      await log.append(tenant, 'message.created', { n });
      const last = await log.resume(tenant, { epoch, seq: n - 5 });
      expect(last.status === 'replay' && last.events.map((e) => e.payload.n)).toEqual([n - 4, n - 3, n - 2, n - 1, n]);
      expect(await log.resume(tenant, { epoch, seq: n - 6 })).toMatchObject({ status: 'reset', reason: 'expired' });
    }
  });

  it('drops events older than maxAgeMs', async () => {
    const log = makeLog(clock);
    const tenant = randomUUID();
    const { epoch } = await log.append(tenant, 'message.created', { n: 1 });
    now += 30_000;
    await log.append(tenant, 'message.created', { n: 2 });
    now += 40_000; // the first is 70 s old now, the second 40 s
    await log.append(tenant, 'message.created', { n: 3 });
    expect(await log.resume(tenant, { epoch, seq: 0 })).toMatchObject({ status: 'reset', reason: 'expired' });
    const recent = await log.resume(tenant, { epoch, seq: 1 });
    expect(recent.status === 'replay' && recent.events.map((e) => e.seq)).toEqual([2, 3]);
  });
});

it('[realtime] processes sharing one Redis number a tenant’s events as one dense sequence', async () => {
  const [one, two] = [new Redis(redisServer.url), new Redis(redisServer.url)];
  clients.push(one, two);
  const logs = [createRedisEventLog(one, limits), createRedisEventLog(two, limits)];
  const tenant = randomUUID();
  const metas = await Promise.all(
    Array.from({ length: 20 }, (_, n) => logs[n % 2]!.append(tenant, 'message.created', { n })),
  );
  expect(metas.map((meta) => meta.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
  expect(new Set(metas.map((meta) => meta.epoch)).size).toBe(1);
});
