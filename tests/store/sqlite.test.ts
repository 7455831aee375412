/**
 * What only the SQLite store does: its file and folder, WAL mode, versioned migrations, sweeping, and surviving a
 * process killed while it writes. All on real files in a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite/sqliteStore.js";
import { migrate, MIGRATIONS, SchemaTooNewError } from "../../src/store/sqlite/migrations.js";
import { readStoreConfig } from "../../src/store/storeConfig.js";
import { startWorker } from "./childProcesses.js";
import { capturingLogger, quietLogger } from "../support/logLines.js";

const root = mkdtempSync(join(tmpdir(), "gt-sqlite-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(root, `case-${++files}`, "nested", "store.sqlite");

const TABLES = ["channel_settings", "feedback_votes", "installations", "key_values", "question_log", "rate_limits", "reminders", "replay_keys"];
const LATEST = MIGRATIONS.at(-1)!.version;

/** What is in the file, read by a connection of its own. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return {
      version: db.pragma("user_version", { simple: true }) as number,
      journal: db.pragma("journal_mode", { simple: true }) as string,
      tables,
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      rows: Object.fromEntries(TABLES.filter((table) => tables.includes(table)).map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number])),
    };
  } finally {
    db.close();
  }
}

describe("the SQLite file", () => {
  it("is created with its folder on first start, in WAL mode, at the latest schema", async () => {
    const file = newFile();
    const { logger, lines } = capturingLogger();
    const store = openSqliteStore({ file, logger });
    await store.close();
    expect(existsSync(file)).toBe(true);
    const found = inspect(file);
    expect(found.journal).toBe("wal");
    expect(found.version).toBe(MIGRATIONS.at(-1)!.version);
    expect(found.tables).toEqual(TABLES);
    expect(lines().map((line) => line.msg)).toEqual([`store: SQLite, schema migrated from version 0 to ${found.version}`]);
  });

  it("lives in DATA_DIR (default data/), which git ignores", () => {
    expect(readStoreConfig({})).toEqual({ ok: true, config: { backend: "sqlite", dataDir: "data", file: join("data", "ground-truth.sqlite") } });
    expect(readStoreConfig({ DATA_DIR: "/var/lib/gt" })).toMatchObject({ config: { file: "/var/lib/gt/ground-truth.sqlite" } });
  });

  it("runs each migration once: a second start finds the schema current and keeps the data", async () => {
    const file = newFile();
    const first = openSqliteStore({ file, logger: quietLogger });
    await first.keyValues.set("k", "v", 60_000);
    await first.close();
    const { logger, lines } = capturingLogger();
    const second = openSqliteStore({ file, logger });
    expect(await second.keyValues.get("k")).toBe("v");
    await second.close();
    expect(lines().map((line) => line.msg)).toEqual(["store: SQLite"]);
  });

  it("applies a new migration on start, and one that fails leaves the file as it was", async () => {
    const file = newFile();
    await openSqliteStore({ file, logger: quietLogger }).close();
    const broken = [...MIGRATIONS, { version: LATEST + 1, name: "broken", sql: "CREATE TABLE zz_votes (id TEXT); CREATE TABLE oops (" }];
    expect(() => openSqliteStore({ file, logger: quietLogger, migrations: broken })).toThrow(/Cannot open the SQLite store .*store\.sqlite/);
    expect(inspect(file)).toMatchObject({ version: LATEST, tables: TABLES });

    const fixed = [...MIGRATIONS, { version: LATEST + 1, name: "votes", sql: "CREATE TABLE zz_votes (id TEXT PRIMARY KEY)" }];
    const store = openSqliteStore({ file, logger: quietLogger, migrations: fixed });
    expect(store.schemaVersion).toBe(LATEST + 1);
    await store.close();
    expect(inspect(file)).toMatchObject({ version: LATEST + 1, tables: [...TABLES, "zz_votes"] });
  });

  it("brings a version 1 file (before votes and settings) up to date, keeping its data", async () => {
    const file = newFile();
    mkdirSync(dirname(file), { recursive: true });
    const old = new Database(file);
    migrate(old, file, MIGRATIONS.filter((migration) => migration.version === 1));
    old.prepare("INSERT INTO key_values (key, value, expires_at) VALUES ('k', 'kept', ?)").run(Date.now() + 60_000);
    old.close();
    expect(inspect(file).version).toBe(1);
    const { logger, lines } = capturingLogger();
    const store = openSqliteStore({ file, logger });
    expect(await store.keyValues.get("k")).toBe("kept");
    await store.feedback.cast({ answerId: "a", voter: "v", vote: "helpful", at: 1 });
    await store.close();
    expect(inspect(file)).toMatchObject({ version: LATEST, tables: TABLES });
    expect(lines().map((line) => line.msg)).toEqual([`store: SQLite, schema migrated from version 1 to ${LATEST}`]);
  });

  it("refuses a file written by a newer version, and one that is not a database, naming the file", () => {
    const newer = newFile();
    openSqliteStore({ file: newer, logger: quietLogger }).close();
    const db = new Database(newer);
    db.pragma("user_version = 99");
    db.close();
    let error: unknown;
    try {
      openSqliteStore({ file: newer, logger: quietLogger });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toMatch(new RegExp(`store\\.sqlite has schema version 99, newer than this build knows \\(${LATEST}\\)`));
    expect((error as Error).cause).toBeInstanceOf(SchemaTooNewError);

    const garbage = join(root, "garbage.sqlite");
    writeFileSync(garbage, "this is not a database, just text that is long enough to have a header.".repeat(20));
    expect(() => openSqliteStore({ file: garbage, logger: quietLogger })).toThrow(/Cannot open the SQLite store .*garbage\.sqlite: file is not a database/);
  });

  it("sweeps expired replay keys, values and rate windows, and nothing else", async () => {
    const file = newFile();
    const store = openSqliteStore({ file, logger: quietLogger });
    await store.replayKeys.firstSeen("old", 50);
    await store.replayKeys.firstSeen("new", 60_000);
    await store.keyValues.set("old", "x", 50);
    await store.keyValues.set("new", "y", 60_000);
    await store.rateLimits.take("slack:U1", { limit: 5, windowMs: 1_000 });
    await store.reminders.schedule([{ dueAt: 0, platform: "slack", target: {}, text: "long overdue, but not the sweeper's to drop" }]);
    await sleep(100);
    expect(store.sweepExpired()).toBe(2);
    expect(store.sweepExpired(Date.now() + 2_000)).toBe(1);
    await store.close();
    expect(inspect(file).rows).toMatchObject({ replay_keys: 1, key_values: 1, rate_limits: 0, reminders: 1 });
  });
});

describe("a process killed while it writes", () => {
  it("loses nothing it committed: the file opens, passes its integrity check, and every batch is whole", async () => {
    const file = newFile();
    const committed: string[] = [];
    for (let round = 0; round < 3; round++) {
      const worker = startWorker("write", { backend: "sqlite", dataDir: dirname(file), file }, { tag: `round${round}` });
      // Let it write for a while, then kill it in the middle of whatever it is doing.
      await worker.waitFor((line) => typeof line.committed === "string" && line.committed.endsWith("/30"));
      await sleep(20 + round * 37);
      await worker.kill();
      committed.push(...worker.lines.map((line) => String(line.committed)));
    }
    expect(committed.length).toBeGreaterThan(90);
    expect(inspect(file).integrity).toBe("ok");

    const store = openSqliteStore({ file, logger: quietLogger });
    const sizes = new Map<string, number>();
    for (const reminder of await store.reminders.pending()) {
      const batch = reminder.text.slice(0, reminder.text.lastIndexOf("/"));
      sizes.set(batch, (sizes.get(batch) ?? 0) + 1);
    }
    // A batch is all there or not at all, even the one being written when the process died.
    expect([...sizes.values()].every((size) => size === 10)).toBe(true);
    for (const batch of committed) {
      expect(sizes.get(batch)).toBe(10);
      expect(await store.keyValues.get(`batch:${batch}`)).toBe("written after its reminders");
    }
    // And the store still works.
    await store.keyValues.set("after", "the crash", 60_000);
    expect(await store.keyValues.get("after")).toBe("the crash");
    await store.close();
  }, 60_000);
});
