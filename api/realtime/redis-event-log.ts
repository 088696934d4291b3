// The event log in Redis, shared by every API and worker process: per tenant a hash with the last
// number and the epoch, and a sorted set of the kept events scored by number. Appending is one
// script, so numbers are unique and dense across processes; the log expires when a tenant is quiet.
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { answerResume, DEFAULT_EVENT_LOG_LIMITS, type EventLog } from './event-log.ts';
import { loggedEventSchema, type LoggedEvent } from './schemas.ts';

// KEYS: meta hash, log set. ARGV: the event as JSON, now (ms), a new epoch, max events, max age (ms).
// Members are "<at>|<seq>|<json>": unique, and the time lets the oldest be dropped first.
const APPEND = `
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSETNX', KEYS[1], 'epoch', ARGV[3])
local epoch = redis.call('HGET', KEYS[1], 'epoch')
redis.call('ZADD', KEYS[2], seq, ARGV[2] .. '|' .. seq .. '|' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[4]) - 1)
local cutoff = tonumber(ARGV[2]) - tonumber(ARGV[5])
while true do
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)
  if #head == 0 or tonumber(string.match(head[1], '^(%d+)|')) >= cutoff then break end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, 0)
end
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return { seq, epoch }`;

// KEYS: meta hash, log set. ARGV: a new epoch (used if the tenant has none yet), the client's seq.
const RESUME = `
redis.call('HSETNX', KEYS[1], 'seq', 0)
redis.call('HSETNX', KEYS[1], 'epoch', ARGV[1])
local meta = redis.call('HMGET', KEYS[1], 'seq', 'epoch')
local events = {}
if ARGV[2] ~= '' then events = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[2], '+inf') end
return { tonumber(meta[1]), meta[2], events }`;

const appendedSchema = z.tuple([z.number().int(), z.string()]);
const resumedSchema = z.tuple([z.number().int(), z.string(), z.array(z.string())]);

export function createRedisEventLog(redis: Redis, limits = DEFAULT_EVENT_LOG_LIMITS, now = Date.now): EventLog {
  const run = scriptRunner(redis);
  const keys = (tenantId: string) => [`parley:live:{${tenantId}}:meta`, `parley:live:{${tenantId}}:log`];
  return {
    async append(tenantId, event, payload) {
      const json = JSON.stringify({ event, payload });
      const args = [json, String(now()), randomUUID(), String(limits.maxEvents), String(limits.maxAgeMs)];
      const [seq, epoch] = appendedSchema.parse(await run(APPEND, keys(tenantId), args));
      return { seq, epoch };
    },
    async resume(tenantId, position) {
      const args = [randomUUID(), position.seq === null ? '' : String(position.seq)];
      const [seq, epoch, members] = resumedSchema.parse(await run(RESUME, keys(tenantId), args));
      return answerResume(position, { epoch, seq }, members.map(parseMember));
    },
  };
}

function parseMember(member: string): LoggedEvent {
  const [, seq, ...json] = member.split('|');
  return loggedEventSchema.parse({ seq: Number(seq), ...JSON.parse(json.join('|')) });
}

/** EVALSHA, loading the script on the first NOSCRIPT (a restarted or flushed Redis). */
function scriptRunner(redis: Redis) {
  const shas = new Map<string, string>();
  return async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    const sha = shas.get(script) ?? createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) {
        throw error;
      }
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  };
}
