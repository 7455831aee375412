import { randomUUID } from "node:crypto";
import type { Reminder, ReminderDraft, ReminderTarget } from "./store.js";

/** Claims handed out at once unless the caller asks for another number. */
export const DEFAULT_CLAIM_LIMIT = 50;

/** A new reminder from a draft, after checking it: bad drafts are a programming error, refused before anything is stored. */
export function newReminder(draft: ReminderDraft, now: number): Reminder {
  if (!Number.isFinite(draft.dueAt)) throw new RangeError("a reminder needs a due time in milliseconds since the epoch");
  if (typeof draft.platform !== "string" || draft.platform === "") throw new RangeError("a reminder needs a platform");
  if (typeof draft.text !== "string") throw new RangeError("a reminder's text must be a string");
  const target = draft.target ?? {};
  for (const value of Object.values(target)) {
    if (typeof value !== "string") throw new RangeError("a reminder's target holds strings only");
  }
  return { id: randomUUID(), dueAt: Math.round(draft.dueAt), platform: draft.platform, target: { ...target }, text: draft.text, scheduledAt: now, attempts: 0 };
}

/** The part of a reminder that never changes once scheduled, as stored by the memory and Redis stores. */
export function reminderBody(reminder: Reminder): string {
  const { id, dueAt, platform, target, text, scheduledAt } = reminder;
  return JSON.stringify({ id, dueAt, platform, target, text, scheduledAt });
}

export function reminderFromBody(body: string, attempts: number): Reminder {
  const parsed = JSON.parse(body) as Omit<Reminder, "attempts"> & { target: ReminderTarget };
  return { ...parsed, attempts };
}

export function checkClaimOptions(options: { now: number; claimant: string; leaseMs: number; limit?: number }): number {
  if (!Number.isFinite(options.now)) throw new RangeError("claimDue needs the current time");
  if (!options.claimant) throw new RangeError("claimDue needs a claimant");
  if (!(options.leaseMs > 0)) throw new RangeError("claimDue needs a positive lease");
  const limit = options.limit ?? DEFAULT_CLAIM_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("claimDue's limit must be a whole number of at least 1");
  return limit;
}

/** The earliest due first, then in the order scheduled: how pending() and claimDue() list reminders. */
export function byDueTime(a: Reminder, b: Reminder): number {
  return a.dueAt - b.dueAt || a.scheduledAt - b.scheduledAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
