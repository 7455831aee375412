import type { Database } from "better-sqlite3";
import { byDueTime, checkClaimOptions, newReminder } from "../reminderRecords.js";
import type { PendingReminder, Reminder, Reminders } from "../store.js";

interface ReminderRow {
  id: string;
  due_at: number;
  run_at: number;
  platform: string;
  target: string;
  text: string;
  scheduled_at: number;
  claimant: string | null;
  attempts: number;
}

/**
 * Reminders in the `reminders` table. A claim is one UPDATE … RETURNING: SQLite runs it under the file's write
 * lock, so two processes claiming at once each get different rows, and a row becomes claimable again only when
 * its lease (run_at) has passed.
 */
export function createSqliteReminders(db: Database, assertOpen: () => void): Reminders {
  const insert = db.prepare(
    `INSERT INTO reminders (id, due_at, run_at, platform, target, text, scheduled_at, attempts)
     VALUES (@id, @dueAt, @dueAt, @platform, @target, @text, @scheduledAt, 0)`,
  );
  const insertAll = db.transaction((reminders: Reminder[]) => {
    for (const reminder of reminders) insert.run({ ...reminder, target: JSON.stringify(reminder.target) });
  });
  const claim = db.prepare(
    `UPDATE reminders SET claimant = @claimant, run_at = @leaseUntil, attempts = attempts + 1
     WHERE id IN (SELECT id FROM reminders WHERE run_at <= @now ORDER BY run_at, due_at LIMIT @limit)
     RETURNING *`,
  );
  const complete = db.prepare(`DELETE FROM reminders WHERE id = ? AND claimant = ?`);
  const release = db.prepare(`UPDATE reminders SET claimant = NULL, run_at = ? WHERE id = ? AND claimant = ?`);
  const cancel = db.prepare(`DELETE FROM reminders WHERE id = ?`);
  const pending = db.prepare(`SELECT * FROM reminders`);

  return {
    async schedule(drafts, now = Date.now()) {
      assertOpen();
      const reminders = drafts.map((draft) => newReminder(draft, now));
      insertAll.immediate(reminders);
      return reminders;
    },
    async claimDue(options) {
      assertOpen();
      const limit = checkClaimOptions(options);
      const rows = claim.all({ claimant: options.claimant, leaseUntil: options.now + options.leaseMs, now: options.now, limit }) as ReminderRow[];
      return rows.map(toReminder).sort(byDueTime);
    },
    async complete(id, claimant) {
      assertOpen();
      return complete.run(id, claimant).changes > 0;
    },
    async release(id, claimant, retryAt) {
      assertOpen();
      return release.run(Math.round(retryAt), id, claimant).changes > 0;
    },
    async cancel(id) {
      assertOpen();
      return cancel.run(id).changes > 0;
    },
    async pending(): Promise<PendingReminder[]> {
      assertOpen();
      return (pending.all() as ReminderRow[])
        .map((row) => ({ ...toReminder(row), runAt: row.run_at, ...(row.claimant ? { claimant: row.claimant } : {}) }))
        .sort(byDueTime);
    },
  };
}

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    dueAt: row.due_at,
    platform: row.platform,
    target: JSON.parse(row.target) as Reminder["target"],
    text: row.text,
    scheduledAt: row.scheduled_at,
    attempts: row.attempts,
  };
}
