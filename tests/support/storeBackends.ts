import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { createMemoryStore } from "../../src/store/memory/memoryStore.js";
import { openStore } from "../../src/store/openStore.js";
import type { Store, StoreBackend } from "../../src/store/store.js";
import { SQLITE_FILE_NAME, type StoreConfig } from "../../src/store/storeConfig.js";
import { quietLogger } from "./logLines.js";
import { startRedisServer, type RedisServer } from "./redisServer.js";

/**
 * One place that knows how to get a real store of each kind for tests and benchmarks: SQLite in a file under a
 * temporary folder, Redis on a redis-server started for the caller, memory in the process.
 */
export interface BackendUnderTest {
  readonly name: StoreBackend;
  /** Several processes (or instances) can share its state. */
  readonly shared: boolean;
  /**
   * A fresh, empty state: `open()` gives a new instance on it each time (a second SQLite connection to the same
   * file, a second Redis client with the same prefix; the same object for memory, which cannot be shared).
   */
  fresh(): StateUnderTest;
  /** Stops what start() started. */
  stop(): Promise<void>;
}

export interface StateUnderTest {
  open(logger?: Logger): Promise<Store>;
  /** Where a child process finds the same state: a file for SQLite, a URL and prefix for Redis. */
  readonly location: StoreLocation;
  /** Closes every instance opened. */
  close(): Promise<void>;
}

/** A store's configuration, as a child process receives it. */
export type StoreLocation = StoreConfig;

export function memoryBackend(): BackendUnderTest {
  return {
    name: "memory",
    shared: false,
    fresh() {
      const store = createMemoryStore();
      return { open: async () => store, location: { backend: "memory" }, close: () => store.close() };
    },
    stop: async () => {},
  };
}

export function sqliteBackend(): BackendUnderTest {
  const dir = mkdtempSync(join(tmpdir(), "gt-sqlite-"));
  return {
    name: "sqlite",
    shared: true,
    fresh() {
      const dataDir = join(dir, randomUUID());
      return tracked({ backend: "sqlite", dataDir, file: join(dataDir, SQLITE_FILE_NAME) });
    },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function redisBackend(server?: RedisServer): Promise<BackendUnderTest & { server: RedisServer }> {
  const redis = server ?? (await startRedisServer());
  return {
    name: "redis",
    shared: true,
    server: redis,
    fresh() {
      // A prefix per state: tests in one file share the server without seeing each other's keys.
      return tracked({ backend: "redis", url: redis.url, keyPrefix: `t${randomUUID().slice(0, 8)}:` });
    },
    stop: () => (server ? Promise.resolve() : redis.dispose()),
  };
}

/** Opens a store at a location (also used by child processes in the crash and multi-process tests). */
export function openAt(location: StoreLocation, logger: Logger = quietLogger): Promise<Store> {
  return openStore(location, logger);
}

function tracked(location: StoreLocation): StateUnderTest {
  const opened: Store[] = [];
  return {
    location,
    async open(logger) {
      const store = await openAt(location, logger);
      opened.push(store);
      return store;
    },
    async close() {
      await Promise.all(opened.map((store) => store.close()));
    },
  };
}
