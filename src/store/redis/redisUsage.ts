import type { Redis } from "ioredis";
import {
  applySettingsChange,
  checkChannel,
  checkCutoff,
  checkLoggedCommand,
  checkVote,
  voteSlot,
  type ChannelSettings,
  type FeedbackVote,
  type LoggedCommand,
  type UsageGroups,
} from "../usageRecords.js";
import { execAll } from "./redisReminders.js";

/*
 * Timed records (votes, the question log) are two keys under one hash tag, so a script's keys share a slot:
 *   records  hash        slot or id → the record as JSON
 *   at       sorted set  slot or id → when it was written (for listing by time and for retention)
 * Writing both is one MULTI; listing and removing are each one script, so none sees half of another.
 */
const SINCE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], '+inf')
if #ids == 0 then return {} end
return redis.call('HMGET', KEYS[1], unpack(ids))
`;

const REMOVE_BEFORE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for i = 1, #ids, 500 do
  redis.call('HDEL', KEYS[1], unpack(ids, i, math.min(i + 499, #ids)))
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
return #ids
`;

interface UsageScripts {
  gtRecordsSince(records: string, at: string, from: number): Promise<Array<string | null>>;
  gtRemoveRecordsBefore(records: string, at: string, cutoff: number): Promise<number>;
}

interface TimedRecords {
  /** True when the key held a record already (it is replaced). */
  put(key: string, at: number, body: string): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  since(from: number): Promise<string[]>;
  removeBefore(cutoff: number): Promise<number>;
}

function timedRecords(client: Redis, tag: string): TimedRecords {
  const records = `${tag}:records`;
  const at = `${tag}:at`;
  const scripts = client as unknown as UsageScripts;
  return {
    async put(key, time, body) {
      const [added] = await execAll(client.multi().hset(records, key, body).zadd(at, time, key).exec());
      return Number(added) === 0;
    },
    async get(key) {
      return (await client.hget(records, key)) ?? undefined;
    },
    async since(from) {
      return (await scripts.gtRecordsSince(records, at, from)).filter((body): body is string => typeof body === "string");
    },
    async removeBefore(cutoff) {
      return Number(await scripts.gtRemoveRecordsBefore(records, at, cutoff));
    },
  };
}

/** Votes, the question log, channel settings and installations in Redis, every write atomic. */
export function createRedisUsage(client: Redis, prefix: string, assertOpen: () => void): UsageGroups {
  client.defineCommand("gtRecordsSince", { numberOfKeys: 2, lua: SINCE });
  client.defineCommand("gtRemoveRecordsBefore", { numberOfKeys: 2, lua: REMOVE_BEFORE });
  const votes = timedRecords(client, `${prefix}{feedback}`);
  const entries = timedRecords(client, `${prefix}{questions}`);
  const settingsKey = (channel: string) => `${prefix}settings:${channel}`;
  const installationsKey = `${prefix}installations`;

  return {
    feedback: {
      async cast(vote) {
        assertOpen();
        const checked = checkVote(vote);
        return { replaced: await votes.put(voteSlot(checked), checked.at, JSON.stringify(checked)) };
      },
      async since(from) {
        assertOpen();
        return (await votes.since(from)).map((body) => JSON.parse(body) as FeedbackVote).sort((a, b) => a.at - b.at);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return votes.removeBefore(checkCutoff(cutoff));
      },
    },
    questionLog: {
      async record(entry) {
        assertOpen();
        const checked = checkLoggedCommand(entry);
        await entries.put(checked.id, checked.at, JSON.stringify(checked));
      },
      async get(id) {
        assertOpen();
        const body = await entries.get(id);
        return body === undefined ? undefined : (JSON.parse(body) as LoggedCommand);
      },
      async since(from) {
        assertOpen();
        return (await entries.since(from)).map((body) => JSON.parse(body) as LoggedCommand).sort((a, b) => a.at - b.at);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return entries.removeBefore(checkCutoff(cutoff));
      },
    },
    channelSettings: {
      async get(channel) {
        assertOpen();
        return settingsFromHash(await client.hgetall(settingsKey(checkChannel(channel))));
      },
      async update(channel, change) {
        assertOpen();
        applySettingsChange({}, change); // refuses unknown names before anything is written
        // One field per setting: HSET and HDEL of only the changed fields, in one MULTI with the read-back, so
        // two admins changing different settings at once both keep theirs (no read-then-write).
        const key = settingsKey(checkChannel(channel));
        const transaction = client.multi();
        for (const [name, value] of Object.entries(change)) {
          if (value === null) transaction.hdel(key, name);
          else if (value !== undefined) transaction.hset(key, name, JSON.stringify(value));
        }
        transaction.hgetall(key);
        const results = await execAll(transaction.exec());
        return settingsFromHash(results.at(-1) as Record<string, string>);
      },
    },
    installations: {
      async save(key, sealed) {
        assertOpen();
        if (!key) throw new RangeError("an installation needs a key");
        await client.hset(installationsKey, key, sealed);
      },
      async get(key) {
        assertOpen();
        return (await client.hget(installationsKey, key)) ?? undefined;
      },
      async delete(key) {
        assertOpen();
        return (await client.hdel(installationsKey, key)) > 0;
      },
    },
  };
}

function settingsFromHash(hash: Record<string, string>): ChannelSettings {
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(hash)) settings[name] = JSON.parse(value);
  return settings as ChannelSettings;
}
