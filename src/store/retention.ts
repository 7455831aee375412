import type { Logger } from "pino";
import type { Store } from "./store.js";

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  store: Pick<Store, "feedback" | "questionLog">;
  /** Votes and logged questions older than this many days are deleted (default 30). */
  retentionDays?: number;
  logger: Logger;
  /** How often the cleanup runs (default hourly); it also runs once at start. */
  everyMs?: number;
  now?: () => number;
}

export interface RetentionCleanup {
  /** Deletes what is older than the retention period now; says how many votes and log entries went. */
  runOnce(): Promise<{ votes: number; questions: number }>;
  stop(): void;
}

/**
 * Enforces RETENTION_DAYS on the question log and the votes. Every instance may run it: a delete of what is
 * already gone deletes nothing. A failure (the store is down) is logged and tried again at the next run.
 */
export function startRetentionCleanup(options: RetentionOptions): RetentionCleanup {
  const days = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const now = options.now ?? Date.now;
  const runOnce = async () => {
    const cutoff = now() - days * DAY_MS;
    const [votes, questions] = await Promise.all([options.store.feedback.removeOlderThan(cutoff), options.store.questionLog.removeOlderThan(cutoff)]);
    if (votes + questions > 0) options.logger.info({ votes, questions, retentionDays: days }, "retention: removed old votes and questions");
    return { votes, questions };
  };
  const run = () => {
    runOnce().catch((error: unknown) => options.logger.warn({ err: error }, "retention: cleanup failed; trying again at the next run"));
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}

/** RETENTION_DAYS as a whole number of days of at least 1; a problem line when it is not one. */
export function readRetentionDays(value: string | undefined, problems: string[]): number {
  const text = value?.trim();
  if (!text) return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    problems.push(`RETENTION_DAYS must be a whole number of days from 1 to 3650 (got "${text.slice(0, 20)}").`);
    return DEFAULT_RETENTION_DAYS;
  }
  return days;
}
