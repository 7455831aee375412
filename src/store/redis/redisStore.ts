import type { Logger } from "pino";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { createFlexibleRateLimits } from "../flexibleRateLimits.js";
import { createMemoryRateLimits, createMemoryReplayKeys } from "../memory/memoryStore.js";
import { guardAgainstOutages } from "../outageGuard.js";
import { StoreClosedError, type KeyValues, type RateLimits, type ReplayKeys, type Store } from "../store.js";
import { connectRedis, type RedisConnectionOptions } from "./connectRedis.js";
import { createRedisReminders } from "./redisReminders.js";
import { createRedisUsage } from "./redisUsage.js";

export interface RedisStoreOptions extends RedisConnectionOptions {
  /** Put before every key, so several bots can share one server (default `gt:`). */
  keyPrefix?: string;
  logger: Logger;
}

/**
 * The store for any number of instances. Never throws for an unreachable server: it logs one line, answers rate
 * limits and replay keys from memory, and connects when the server is back.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<Store> {
  const { client, outage, described } = await connectRedis(options);
  const prefix = options.keyPrefix ?? "gt:";
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new StoreClosedError("redis");
  };

  const rateLimits = createFlexibleRateLimits(
    (shape) =>
      new RateLimiterRedis({
        ...shape,
        keyPrefix: `${prefix}rl:${shape.keyPrefix}`,
        storeClient: client,
        // Refuse at once while disconnected, so the caller's memory fallback answers without waiting.
        rejectIfRedisNotReady: true,
        // Once a user is over the limit, the rest of the window is refused here without asking Redis.
        inMemoryBlockOnConsumed: shape.points + 1,
      }),
  );
  const sharedRateLimits: RateLimits = {
    take: async (key, window) => {
      assertOpen();
      return rateLimits.take(key, window);
    },
  };
  const replayKeys: ReplayKeys = {
    async firstSeen(key, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a replay key needs a positive time to live");
      return (await client.set(`${prefix}replay:${key}`, "1", "PX", Math.ceil(ttlMs), "NX")) === "OK";
    },
  };
  const keyValues: KeyValues = {
    async get(key) {
      assertOpen();
      return (await client.get(`${prefix}kv:${key}`)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a value needs a positive time to live");
      await client.set(`${prefix}kv:${key}`, value, "PX", Math.ceil(ttlMs));
    },
    async delete(key) {
      assertOpen();
      return (await client.del(`${prefix}kv:${key}`)) > 0;
    },
  };
  const groups = guardAgainstOutages(
    { rateLimits: sharedRateLimits, replayKeys, reminders: createRedisReminders(client, prefix, assertOpen), keyValues, ...createRedisUsage(client, prefix, assertOpen) },
    { rateLimits: createMemoryRateLimits(), replayKeys: createMemoryReplayKeys() },
    outage,
  );

  return {
    backend: "redis",
    durable: true,
    ...groups,
    health: () => {
      if (closed) return { backend: "redis", status: "unavailable", reason: "closed" };
      // Connected but failing (a hung server timing commands out) counts as down until an operation succeeds.
      if (client.status === "ready" && !outage.down) return { backend: "redis", status: "ok" };
      return { backend: "redis", status: "unavailable", reason: `Redis at ${described}: ${outage.reason ?? client.status}` };
    },
    async close() {
      if (closed) return;
      closed = true;
      // QUIT lets commands in flight finish; a disconnected client cannot send it, so it is cut instead.
      await Promise.race([client.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      client.disconnect();
    },
  };
}
