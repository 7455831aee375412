import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrate, type Migration } from "./migrations.js";

/** How long a write waits for another process holding the file's write lock before it fails. */
const BUSY_TIMEOUT_MS = 5_000;

export interface OpenedDatabase {
  db: Database.Database;
  schemaVersion: number;
  /** The version the file had before this start's migrations (0 for a new file). */
  migratedFrom: number;
}

/**
 * Opens (creating the folder and file on first start) and migrates the store's SQLite file. WAL mode: readers do
 * not wait for the writer, and a process killed mid-write loses nothing it committed. synchronous=NORMAL: a
 * commit survives the process dying; only a power cut can lose the last moments, and never corrupts the file.
 * One connection per process (better-sqlite3 is synchronous, so its writes never interleave); several processes on
 * one host (discord:shards) queue for SQLite's write lock.
 */
export function openDatabase(file: string, migrations?: readonly Migration[]): OpenedDatabase {
  let db: Database.Database | undefined;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    const mode = db.pragma("journal_mode = WAL", { simple: true });
    if (file !== ":memory:" && mode !== "wal") throw new Error(`it cannot use WAL mode (got ${String(mode)}); is it on a network file system?`);
    db.pragma("synchronous = NORMAL");
    const { from, to } = migrate(db, file, migrations);
    return { db, schemaVersion: to, migratedFrom: from };
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the SQLite store ${file}: ${reason}`, { cause: error });
  }
}
