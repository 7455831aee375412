import { LRUCache } from "lru-cache";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { createFlexibleRateLimits } from "../flexibleRateLimits.js";
import { StoreClosedError, type KeyValues, type RateLimits, type ReplayKeys, type Store } from "../store.js";
import { createMemoryReminders } from "./memoryReminders.js";
import { createMemoryUsage } from "./memoryUsage.js";

export interface MemoryStoreOptions {
  /** Replay keys remembered at most; the oldest go first beyond it (default 100,000). */
  maxReplayKeys?: number;
  /** Characters of keys and values kept at most; the least recently used go first (default 16 million). */
  maxValueCharacters?: number;
}

/** Everything in this process's memory: nothing survives a restart, nothing is shared. For tests and benchmarks. */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new StoreClosedError("memory");
  };
  return {
    backend: "memory",
    durable: false,
    rateLimits: openOnly(createMemoryRateLimits(), assertOpen),
    replayKeys: createMemoryReplayKeys(options.maxReplayKeys, assertOpen),
    reminders: createMemoryReminders(assertOpen),
    keyValues: createMemoryKeyValues(options.maxValueCharacters, assertOpen),
    ...createMemoryUsage(assertOpen),
    health: () => (closed ? { backend: "memory", status: "unavailable", reason: "closed" } : { backend: "memory", status: "ok" }),
    async close() {
      closed = true;
    },
  };
}

function openOnly(limits: RateLimits, assertOpen: () => void): RateLimits {
  return {
    take: async (key, window) => {
      assertOpen();
      return limits.take(key, window);
    },
  };
}

/** Also what a shared store falls back to while its backend is down. */
export function createMemoryRateLimits(): RateLimits {
  return createFlexibleRateLimits((shape) => new RateLimiterMemory(shape));
}

export function createMemoryReplayKeys(maxEntries = 100_000, assertOpen: () => void = () => {}): ReplayKeys {
  const seen = new LRUCache<string, true>({ max: maxEntries });
  return {
    async firstSeen(key, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a replay key needs a positive time to live");
      if (seen.has(key)) return false;
      seen.set(key, true, { ttl: ttlMs });
      return true;
    },
  };
}

function createMemoryKeyValues(maxCharacters = 16_000_000, assertOpen: () => void): KeyValues {
  const values = new LRUCache<string, string>({ maxSize: maxCharacters, sizeCalculation: (value, key) => Math.max(1, key.length + value.length) });
  return {
    async get(key) {
      assertOpen();
      return values.get(key);
    },
    async set(key, value, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a value needs a positive time to live");
      values.set(key, value, { ttl: ttlMs });
    },
    async delete(key) {
      assertOpen();
      // A key whose time ran out is still in the cache until it is read: it counts as gone.
      const had = values.has(key);
      values.delete(key);
      return had;
    },
  };
}
