import type { ReplyFollowUp } from "../reply/types.js";
import type { Logger } from "../logger.js";
import { startReminderRunner, type DueReminder, type ReminderRunner, type ReminderRunnerOptions } from "../store/reminderRunner.js";
import type { Reminder, ReminderTarget, Store } from "../store/index.js";

/**
 * Posts one due reminder on its platform with the bot token. Throws to have it tried again later (a 429, the
 * network); resolves after logging when trying again cannot help (the bot was removed from the channel).
 */
export type PostReminder = (reminder: DueReminder) => Promise<void>;

/**
 * A speaking timer's reminders, kept in the app's store instead of this process's timers, so they are posted
 * whichever instance is running when they come due, and once only. Platforms schedule through it and say how
 * they post; the app runs one reminder runner per process for all of them.
 */
export interface ReminderDesk {
  /** How `platform` posts its reminders; a process posts only for the platforms it runs. */
  deliverWith(platform: string, post: PostReminder): void;
  /**
   * Stores a reply's follow-ups as reminders due `delaySeconds` after `from` (default now), all or none.
   * Rejects when the store cannot keep them, so the caller can tell the user the timer was not set.
   */
  schedule(platform: string, target: ReminderTarget, followUps: readonly ReplyFollowUp[], from?: number): Promise<Reminder[]>;
  /** Cancels reminders by id, whichever instance scheduled or holds them; resolves with how many there were. */
  cancel(ids: readonly string[]): Promise<number>;
  /** Starts the runner when any platform posts reminders (the console keeps its own timers). */
  start(): void;
  /** Stops the runner and waits for a delivery in flight. */
  stop(): Promise<void>;
}

export type ReminderDeskOptions = Omit<ReminderRunnerOptions, "reminders" | "deliver" | "logger">;

export function createReminderDesk(state: Store, logger: Logger, options: ReminderDeskOptions = {}): ReminderDesk {
  const posters = new Map<string, PostReminder>();
  let runner: ReminderRunner | undefined;
  const deliver = async (reminder: DueReminder) => {
    const post = posters.get(reminder.platform);
    // Another instance may run that platform; released, it is tried again (here or there) and dropped after a few tries.
    if (!post) throw new Error(`no ${reminder.platform} platform runs in this process`);
    await post(reminder);
  };
  return {
    deliverWith(platform, post) {
      posters.set(platform, post);
    },
    schedule(platform, target, followUps, from = Date.now()) {
      return state.reminders.schedule(
        followUps.map((followUp) => ({ dueAt: from + Math.max(0, followUp.delaySeconds) * 1000, platform, target, text: followUp.text })),
        from,
      );
    },
    async cancel(ids) {
      const removed = await Promise.all(ids.map((id) => state.reminders.cancel(id)));
      return removed.filter(Boolean).length;
    },
    start() {
      if (runner || posters.size === 0) return;
      runner = startReminderRunner({ ...options, reminders: state.reminders, deliver, logger: logger.child({ component: "reminders" }) });
    },
    async stop() {
      await runner?.stop();
      runner = undefined;
    },
  };
}
