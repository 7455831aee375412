import type { Database } from "better-sqlite3";

/** One step of the schema. Never edit one that has shipped: add the next version instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "rate limits, replay keys, reminders and short-lived values",
    sql: `
      -- rate-limiter-flexible's layout (as RateLimiterSQLite keeps it): takes counted in the window that ends at expire.
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER);
      CREATE TABLE replay_keys (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX replay_keys_expiry ON replay_keys (expires_at);
      CREATE TABLE key_values (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX key_values_expiry ON key_values (expires_at);
      -- run_at is when a reminder may be claimed next: its due time, the end of a claim's lease, or a retry time.
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        due_at INTEGER NOT NULL,
        run_at INTEGER NOT NULL,
        platform TEXT NOT NULL,
        target TEXT NOT NULL,
        text TEXT NOT NULL,
        scheduled_at INTEGER NOT NULL,
        claimant TEXT,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX reminders_run_at ON reminders (run_at, due_at);
    `,
  },
  {
    version: 2,
    name: "feedback votes, question log, channel settings and Slack installations",
    sql: `
      -- slot: answer, voter and (for a wrong-passage report) the passage, so a second click replaces the first.
      CREATE TABLE feedback_votes (slot TEXT PRIMARY KEY, at INTEGER NOT NULL, vote TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX feedback_votes_at ON feedback_votes (at);
      CREATE TABLE question_log (id TEXT PRIMARY KEY, at INTEGER NOT NULL, entry TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX question_log_at ON question_log (at);
      CREATE TABLE channel_settings (channel TEXT PRIMARY KEY, settings TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE installations (key TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
    `,
  },
];

export class SchemaTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(`${file} has schema version ${found}, newer than this build knows (${known}): it was written by a newer version of the bot; run that version, or restore a backup`);
    this.name = "SchemaTooNewError";
  }
}

/**
 * Brings the file's schema up to date, the version kept in SQLite's `user_version`. All steps run in one
 * IMMEDIATE transaction, so two processes starting on the same file migrate it once, and a failing step leaves
 * the file as it was.
 */
export function migrate(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const latest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  const run = db.transaction(() => {
    const from = db.pragma("user_version", { simple: true }) as number;
    if (from > latest) throw new SchemaTooNewError(file, from, latest);
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= from) continue;
      db.exec(migration.sql);
    }
    if (latest > from) db.pragma(`user_version = ${latest}`);
    return { from, to: Math.max(from, latest) };
  });
  return run.immediate();
}
