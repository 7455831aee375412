import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Reminder, Reminders } from "./store.js";

/** Added to a reminder posted later than it was due, because no instance was running to post it on time. */
export const LATE_NOTE = "(late: the bot restarted)";

export interface DueReminder extends Reminder {
  /** How long after its due time it is being delivered. */
  lateByMs: number;
  /** Later than `lateAfterMs`: say so when posting (see reminderText). */
  late: boolean;
}

export interface ReminderRunnerOptions {
  reminders: Reminders;
  /** Posts one reminder; throws to have it tried again later (a 429, a network error). */
  deliver: (reminder: DueReminder) => Promise<void>;
  logger: Logger;
  /** Unique per process by default (host, pid, random). */
  claimant?: string;
  /** How often the store is asked for due reminders (default 1 s: a reminder is posted within about a second). */
  pollMs?: number;
  /** How long a claim holds before another instance may take the reminder over (default a minute). */
  leaseMs?: number;
  /** Delivered later than this is "late" (default 5 s, well above polling and posting). */
  lateAfterMs?: number;
  /** Later than this it is dropped with a log line instead of posted (default 15 minutes: a stale timer helps nobody). */
  dropAfterMs?: number;
  /** Tries before a reminder that keeps failing is dropped with a log line (default 5). */
  maxAttempts?: number;
  /** Reminders claimed per poll at most (default 50); the rest wait for the next poll, here or elsewhere. */
  claimLimit?: number;
  now?: () => number;
}

export interface ReminderRunner {
  readonly claimant: string;
  /** Claims and delivers what is due now; resolves with how many were delivered. The timer calls it too. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for deliveries in flight. */
  stop(): Promise<void>;
}

export const REMINDER_DEFAULTS = { pollMs: 1_000, leaseMs: 60_000, lateAfterMs: 5_000, dropAfterMs: 15 * 60_000, maxAttempts: 5, claimLimit: 50 };

/** The text to post: the reminder's own, with the late note when no instance was there to post it on time. */
export function reminderText(reminder: DueReminder): string {
  return reminder.late ? `${reminder.text} ${LATE_NOTE}` : reminder.text;
}

/**
 * Delivers reminders from the store, in every instance at once: each due reminder is claimed by exactly one of
 * them (whichever asks first), so it is posted once even when the instance that scheduled it has died. Started
 * on boot, it first delivers what came due while no instance ran: late ones with the late note, long-overdue
 * ones dropped with a log line. A failed post is retried with backoff; a store that is down is asked again at
 * the next poll (its outage is logged by the store, a line a minute).
 */
export function startReminderRunner(options: ReminderRunnerOptions): ReminderRunner {
  const settings = { ...REMINDER_DEFAULTS, ...definedOnly(options) };
  const now = options.now ?? Date.now;
  const claimant = options.claimant ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const logger = options.logger;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const settle = async (reminder: Reminder, at: number): Promise<boolean> => {
    const lateByMs = Math.max(0, at - reminder.dueAt);
    const about = { reminder: reminder.id, platform: reminder.platform, dueAt: new Date(reminder.dueAt).toISOString() };
    if (lateByMs > settings.dropAfterMs) {
      logger.warn({ ...about, lateByMinutes: Math.round(lateByMs / 60_000) }, "reminder dropped: too long overdue to be useful");
      await options.reminders.complete(reminder.id, claimant);
      return false;
    }
    if (reminder.attempts > settings.maxAttempts) {
      logger.warn({ ...about, attempts: reminder.attempts - 1 }, "reminder dropped: delivery kept failing");
      await options.reminders.complete(reminder.id, claimant);
      return false;
    }
    try {
      await options.deliver({ ...reminder, lateByMs, late: lateByMs > settings.lateAfterMs });
    } catch (error) {
      const retryInMs = Math.min(settings.leaseMs, 2_000 * 2 ** (reminder.attempts - 1));
      logger.warn({ ...about, attempt: reminder.attempts, retryInMs, err: error instanceof Error ? error.message : String(error) }, "reminder delivery failed");
      await options.reminders.release(reminder.id, claimant, now() + retryInMs);
      return false;
    }
    const completed = await options.reminders.complete(reminder.id, claimant);
    if (!completed) logger.warn(about, "reminder delivered after its claim ran out; another instance may post it again");
    return true;
  };

  const tick = async (): Promise<number> => {
    const at = now();
    let claimed: Reminder[];
    try {
      claimed = await options.reminders.claimDue({ now: at, claimant, leaseMs: settings.leaseMs, limit: settings.claimLimit });
    } catch (error) {
      // The store logs its own outage; the next poll tries again.
      logger.debug({ err: error instanceof Error ? error.message : String(error) }, "reminders: store not answering");
      return 0;
    }
    const outcomes = await Promise.all(
      claimed.map((reminder) =>
        settle(reminder, at).catch((error: unknown) => {
          logger.debug({ reminder: reminder.id, err: error instanceof Error ? error.message : String(error) }, "reminders: store not answering");
          return false;
        }),
      ),
    );
    return outcomes.filter(Boolean).length;
  };

  // Polls run one after another, never side by side: a call while one runs waits for it, then polls afresh.
  const runOnce = (): Promise<number> => {
    const next = running.then(tick);
    running = next.catch(() => 0);
    return next;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, settings.pollMs);
    // A process that is otherwise done may exit; a reminder it held is claimed by another instance or the next start.
    timer.unref();
  };
  void runOnce().finally(schedule);

  return {
    claimant,
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

function definedOnly(options: ReminderRunnerOptions): Partial<typeof REMINDER_DEFAULTS> {
  const picked: Partial<typeof REMINDER_DEFAULTS> = {};
  for (const key of Object.keys(REMINDER_DEFAULTS) as Array<keyof typeof REMINDER_DEFAULTS>) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked;
}
