import type { Database } from "better-sqlite3";
import type { Logger } from "pino";
import { createMemoryRateLimits, createMemoryReplayKeys } from "../memory/memoryStore.js";
import { guardAgainstOutages } from "../outageGuard.js";
import { createOutageLog } from "../outageLog.js";
import { StoreClosedError, type KeyValues, type ReplayKeys, type Store } from "../store.js";
import type { Migration } from "./migrations.js";
import { openDatabase } from "./openDatabase.js";
import { createSqliteRateLimits } from "./sqliteRateLimits.js";
import { createSqliteReminders } from "./sqliteReminders.js";
import { createSqliteUsage } from "./sqliteUsage.js";

export interface SqliteStoreOptions {
  /** The database file; its folder is created when missing. */
  file: string;
  logger: Logger;
  /** How often expired replay keys, values and rate windows are deleted (default every minute). */
  sweepEveryMs?: number;
  /** Tests pass their own to check how a failing step is handled. */
  migrations?: readonly Migration[];
}

export interface SqliteStore extends Store {
  readonly file: string;
  readonly schemaVersion: number;
  /** Deletes what has expired by `now`; returns how many rows went. Runs by itself every `sweepEveryMs`. */
  sweepExpired(now?: number): number;
}

/** The embedded store: one file, for one host. Throws (with the file's name) when the file cannot be opened. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { db, schemaVersion, migratedFrom } = openDatabase(options.file, options.migrations);
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new StoreClosedError("sqlite");
  };
  const outage = createOutageLog({
    logger: options.logger,
    subject: `The SQLite store ${options.file}`,
    meanwhile: "rate limits and replay keys use this process's memory; reminders and stored values fail until it answers",
  });
  const groups = guardAgainstOutages(
    {
      rateLimits: createSqliteRateLimits(db, assertOpen),
      replayKeys: createSqliteReplayKeys(db, assertOpen),
      reminders: createSqliteReminders(db, assertOpen),
      keyValues: createSqliteKeyValues(db, assertOpen),
      ...createSqliteUsage(db, assertOpen),
    },
    { rateLimits: createMemoryRateLimits(), replayKeys: createMemoryReplayKeys() },
    outage,
  );
  const sweeps = [
    db.prepare(`DELETE FROM replay_keys WHERE expires_at <= ?`),
    db.prepare(`DELETE FROM key_values WHERE expires_at <= ?`),
    db.prepare(`DELETE FROM rate_limits WHERE expire <= ?`),
  ];
  const sweepExpired = (now = Date.now()) => {
    assertOpen();
    return sweeps.reduce((deleted, sweep) => deleted + sweep.run(now).changes, 0);
  };
  const sweeper = setInterval(() => {
    try {
      sweepExpired();
    } catch (error) {
      outage.failed(error);
    }
  }, options.sweepEveryMs ?? 60_000);
  sweeper.unref();
  options.logger.info(
    { file: options.file, schemaVersion, ...(migratedFrom !== schemaVersion ? { migratedFrom } : {}) },
    migratedFrom === schemaVersion ? "store: SQLite" : `store: SQLite, schema migrated from version ${migratedFrom} to ${schemaVersion}`,
  );

  return {
    backend: "sqlite",
    durable: true,
    file: options.file,
    schemaVersion,
    ...groups,
    sweepExpired,
    health: () => {
      if (closed) return { backend: "sqlite", status: "unavailable", reason: "closed" };
      return outage.down ? { backend: "sqlite", status: "unavailable", reason: outage.reason ?? "failing" } : { backend: "sqlite", status: "ok" };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      db.close();
    },
  };
}

function createSqliteReplayKeys(db: Database, assertOpen: () => void): ReplayKeys {
  // One statement: a new key is inserted, an expired one renewed, a live one left alone (0 rows changed).
  const remember = db.prepare(
    `INSERT INTO replay_keys (key, expires_at) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE replay_keys.expires_at <= ?`,
  );
  return {
    async firstSeen(key, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a replay key needs a positive time to live");
      const now = Date.now();
      return remember.run(key, now + ttlMs, now).changes === 1;
    },
  };
}

function createSqliteKeyValues(db: Database, assertOpen: () => void): KeyValues {
  const read = db.prepare(`SELECT value FROM key_values WHERE key = ? AND expires_at > ?`).pluck();
  const write = db.prepare(
    `INSERT INTO key_values (key, value, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare(`DELETE FROM key_values WHERE key = ? RETURNING expires_at`).pluck();
  return {
    async get(key) {
      assertOpen();
      return read.get(key, Date.now()) as string | undefined;
    },
    async set(key, value, ttlMs) {
      assertOpen();
      if (!(ttlMs > 0)) throw new RangeError("a value needs a positive time to live");
      write.run(key, value, Date.now() + ttlMs);
    },
    async delete(key) {
      assertOpen();
      const expiresAt = remove.get(key) as number | undefined;
      return expiresAt !== undefined && expiresAt > Date.now();
    },
  };
}
