import { byDueTime, checkClaimOptions, newReminder } from "../reminderRecords.js";
import type { PendingReminder, Reminder, Reminders } from "../store.js";

interface Entry {
  reminder: Reminder;
  runAt: number;
  claimant?: string;
}

/**
 * Reminders in this process's memory: claims are atomic because JavaScript runs one call at a time, and they are
 * lost when the process stops (the memory store says so with `durable: false`).
 */
export function createMemoryReminders(assertOpen: () => void): Reminders {
  const entries = new Map<string, Entry>();
  const heldBy = (id: string, claimant: string) => {
    const entry = entries.get(id);
    return entry !== undefined && entry.claimant === claimant ? entry : undefined;
  };
  return {
    async schedule(drafts, now = Date.now()) {
      assertOpen();
      const reminders = drafts.map((draft) => newReminder(draft, now));
      for (const reminder of reminders) entries.set(reminder.id, { reminder, runAt: reminder.dueAt });
      return reminders.map((reminder) => ({ ...reminder }));
    },
    async claimDue(options) {
      assertOpen();
      const limit = checkClaimOptions(options);
      const due = earliest(entries.values(), options.now, limit);
      for (const entry of due) {
        entry.claimant = options.claimant;
        entry.runAt = options.now + options.leaseMs;
        entry.reminder.attempts += 1;
      }
      return due.map((entry) => ({ ...entry.reminder })).sort(byDueTime);
    },
    async complete(id, claimant) {
      assertOpen();
      return heldBy(id, claimant) !== undefined && entries.delete(id);
    },
    async release(id, claimant, retryAt) {
      assertOpen();
      const entry = heldBy(id, claimant);
      if (!entry) return false;
      entry.claimant = undefined;
      entry.runAt = retryAt;
      return true;
    },
    async cancel(id) {
      assertOpen();
      return entries.delete(id);
    },
    async pending(): Promise<PendingReminder[]> {
      assertOpen();
      return [...entries.values()]
        .map((entry) => ({ ...entry.reminder, runAt: entry.runAt, ...(entry.claimant ? { claimant: entry.claimant } : {}) }))
        .sort(byDueTime);
    },
  };
}

const byRunTime = (a: Entry, b: Entry) => a.runAt - b.runAt || byDueTime(a.reminder, b.reminder);

/** The `limit` earliest entries claimable at `now`, kept sorted as they are found (no sort of every entry). */
function earliest(entries: Iterable<Entry>, now: number, limit: number): Entry[] {
  const picked: Entry[] = [];
  for (const entry of entries) {
    if (entry.runAt > now) continue;
    if (picked.length === limit && byRunTime(entry, picked[limit - 1]!) >= 0) continue;
    let at = picked.length;
    while (at > 0 && byRunTime(entry, picked[at - 1]!) < 0) at--;
    picked.splice(at, 0, entry);
    if (picked.length > limit) picked.pop();
  }
  return picked;
}
