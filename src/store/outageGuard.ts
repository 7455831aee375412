import type { OutageLog } from "./outageLog.js";
import { StoreClosedError, type KeyValues, type RateLimits, type Reminders, type ReplayKeys } from "./store.js";
import type { UsageGroups } from "./usageRecords.js";

export interface StoreGroups extends UsageGroups {
  rateLimits: RateLimits;
  replayKeys: ReplayKeys;
  reminders: Reminders;
  keyValues: KeyValues;
}

/**
 * A shared backend's groups with its failures handled in one place. Every failure goes to the outage log (a line
 * when it starts, at most one a minute while it lasts, one when it ends). Rate limits and replay keys are soft:
 * this process's memory answers in place of the backend, so commands keep being answered. Reminders and values
 * are data: the error goes on to the caller, who can say what did not happen.
 */
export function guardAgainstOutages(shared: StoreGroups, local: Pick<StoreGroups, "rateLimits" | "replayKeys">, outage: OutageLog): StoreGroups {
  const attempt = async <T>(work: () => Promise<T>, instead?: () => Promise<T>): Promise<T> => {
    try {
      const result = await work();
      if (outage.down) outage.recovered();
      return result;
    } catch (error) {
      if (isCallersMistake(error)) throw error;
      outage.failed(error);
      if (instead) return instead();
      throw error;
    }
  };
  return {
    rateLimits: {
      take: (key, window) => attempt(() => shared.rateLimits.take(key, window), () => local.rateLimits.take(key, window)),
    },
    replayKeys: {
      firstSeen: (key, ttlMs) => attempt(() => shared.replayKeys.firstSeen(key, ttlMs), () => local.replayKeys.firstSeen(key, ttlMs)),
    },
    reminders: {
      schedule: (drafts, now) => attempt(() => shared.reminders.schedule(drafts, now)),
      claimDue: (options) => attempt(() => shared.reminders.claimDue(options)),
      complete: (id, claimant) => attempt(() => shared.reminders.complete(id, claimant)),
      release: (id, claimant, retryAt) => attempt(() => shared.reminders.release(id, claimant, retryAt)),
      cancel: (id) => attempt(() => shared.reminders.cancel(id)),
      pending: () => attempt(() => shared.reminders.pending()),
    },
    keyValues: {
      get: (key) => attempt(() => shared.keyValues.get(key)),
      set: (key, value, ttlMs) => attempt(() => shared.keyValues.set(key, value, ttlMs)),
      delete: (key) => attempt(() => shared.keyValues.delete(key)),
    },
    feedback: asData(shared.feedback, attempt),
    questionLog: asData(shared.questionLog, attempt),
    channelSettings: asData(shared.channelSettings, attempt),
    installations: asData(shared.installations, attempt),
  };
}

/** A data group (every member a method returning a promise) whose failures are logged and passed on. */
function asData<Group extends object>(group: Group, attempt: <T>(work: () => Promise<T>) => Promise<T>): Group {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(group)) {
    guarded[name] = (...args: unknown[]) => attempt(() => (method as (...given: unknown[]) => Promise<unknown>).apply(group, args));
  }
  return guarded as Group;
}

/** A bad argument or a closed store is the caller's to fix; falling back would hide it. */
function isCallersMistake(error: unknown): boolean {
  return error instanceof RangeError || error instanceof StoreClosedError;
}
