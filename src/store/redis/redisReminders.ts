import type { Redis } from "ioredis";
import { byDueTime, checkClaimOptions, newReminder, reminderBody, reminderFromBody } from "../reminderRecords.js";
import type { PendingReminder, Reminders } from "../store.js";

/*
 * Four keys under one hash tag ({reminders}), so every script's keys live in one slot:
 *   queue     sorted set  id → when it may be claimed next (due time, end of a lease, or retry time)
 *   body      hash        id → the reminder as JSON (never changes)
 *   owner     hash        id → who holds the claim, while it is held
 *   attempts  hash        id → how many times it was claimed
 */
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))
local claimed = {}
for _, id in ipairs(ids) do
  local body = redis.call('HGET', KEYS[2], id)
  if body then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    redis.call('HSET', KEYS[3], id, ARGV[3])
    local attempts = redis.call('HINCRBY', KEYS[4], id, 1)
    claimed[#claimed + 1] = body
    claimed[#claimed + 1] = attempts
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return claimed
`;

const COMPLETE = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return 1
`;

const RELEASE = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
`;

interface ReminderScripts {
  gtClaimReminders(queue: string, body: string, owner: string, attempts: string, now: number, leaseUntil: number, claimant: string, limit: number): Promise<Array<string | number>>;
  gtCompleteReminder(queue: string, body: string, owner: string, attempts: string, id: string, claimant: string): Promise<number>;
  gtReleaseReminder(queue: string, body: string, owner: string, attempts: string, id: string, claimant: string, retryAt: number): Promise<number>;
}

/**
 * Reminders in Redis. A claim, a completion and a release each read and write in one Lua script, which Redis
 * runs without interleaving anything else: of any number of instances polling at once, one gets each reminder.
 */
export function createRedisReminders(client: Redis, prefix: string, assertOpen: () => void): Reminders {
  const keys = ["queue", "body", "owner", "attempts"].map((name) => `${prefix}{reminders}:${name}`) as [string, string, string, string];
  const [queue, body, owner, attempts] = keys;
  client.defineCommand("gtClaimReminders", { numberOfKeys: 4, lua: CLAIM });
  client.defineCommand("gtCompleteReminder", { numberOfKeys: 4, lua: COMPLETE });
  client.defineCommand("gtReleaseReminder", { numberOfKeys: 4, lua: RELEASE });
  const scripts = client as unknown as ReminderScripts;

  return {
    async schedule(drafts, now = Date.now()) {
      assertOpen();
      const reminders = drafts.map((draft) => newReminder(draft, now));
      if (reminders.length === 0) return [];
      const transaction = client.multi();
      for (const reminder of reminders) {
        transaction.hset(body, reminder.id, reminderBody(reminder));
        transaction.zadd(queue, reminder.dueAt, reminder.id);
      }
      await execAll(transaction.exec());
      return reminders;
    },
    async claimDue(options) {
      assertOpen();
      const limit = checkClaimOptions(options);
      const flat = await scripts.gtClaimReminders(...keys, options.now, options.now + options.leaseMs, options.claimant, limit);
      const claimed = [];
      for (let i = 0; i < flat.length; i += 2) claimed.push(reminderFromBody(String(flat[i]), Number(flat[i + 1])));
      return claimed.sort(byDueTime);
    },
    async complete(id, claimant) {
      assertOpen();
      return (await scripts.gtCompleteReminder(...keys, id, claimant)) === 1;
    },
    async release(id, claimant, retryAt) {
      assertOpen();
      return (await scripts.gtReleaseReminder(...keys, id, claimant, Math.round(retryAt))) === 1;
    },
    async cancel(id) {
      assertOpen();
      const results = await execAll(client.multi().zrem(queue, id).hdel(body, id).hdel(owner, id).hdel(attempts, id).exec());
      return Number(results[1]) > 0;
    },
    async pending(): Promise<PendingReminder[]> {
      assertOpen();
      // One transaction, so the listing is a consistent snapshot.
      const [runAts, bodies, owners, counts] = (await execAll(
        client.multi().zrange(queue, 0, -1, "WITHSCORES").hgetall(body).hgetall(owner).hgetall(attempts).exec(),
      )) as [string[], Record<string, string>, Record<string, string>, Record<string, string>];
      const listed: PendingReminder[] = [];
      for (let i = 0; i < runAts.length; i += 2) {
        const id = runAts[i]!;
        const text = bodies[id];
        if (text === undefined) continue;
        const claimant = owners[id];
        listed.push({ ...reminderFromBody(text, Number(counts[id] ?? 0)), runAt: Number(runAts[i + 1]), ...(claimant ? { claimant } : {}) });
      }
      return listed.sort(byDueTime);
    },
  };
}

/** A MULTI's results, or its first error thrown (ioredis reports errors per command). */
export async function execAll(pending: Promise<Array<[Error | null, unknown]> | null>): Promise<unknown[]> {
  const results = await pending;
  if (!results) throw new Error("Redis transaction was discarded");
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
