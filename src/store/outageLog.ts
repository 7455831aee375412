import type { Logger } from "pino";

export interface OutageLog {
  /** Records a failure; the first of an outage is logged at once, later ones at most once per interval. */
  failed(error: unknown): void;
  /** Ends an outage (with one line saying so) if there was one. */
  recovered(): void;
  readonly down: boolean;
  /** The last failure's message while down. */
  readonly reason: string | undefined;
}

export interface OutageLogOptions {
  logger: Logger;
  /** What is down, as an operator knows it: `Redis at redis://cache:6379/0` (never with a password). */
  subject: string;
  /** What the bot does meanwhile. */
  meanwhile: string;
  /** Default a minute. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * One line when a backend goes away, then at most one a minute while it stays away (with the number of failures
 * in between), and one when it is back: an outage during heavy traffic must not flood the log.
 */
export function createOutageLog(options: OutageLogOptions): OutageLog {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let since: number | undefined;
  let lastLine = 0;
  let unlogged = 0;
  let reason: string | undefined;
  return {
    failed(error) {
      reason = messageOf(error);
      const time = now();
      if (since === undefined) {
        since = time;
        lastLine = time;
        unlogged = 0;
        options.logger.error({ reason }, `${options.subject} is unavailable (${reason}): ${options.meanwhile}`);
        return;
      }
      unlogged += 1;
      if (time - lastLine < intervalMs) return;
      options.logger.error(
        { reason, failures: unlogged, downForSeconds: Math.round((time - since) / 1000) },
        `${options.subject} is still unavailable (${reason}; ${unlogged} failed operation${unlogged === 1 ? "" : "s"} since the last line): ${options.meanwhile}`,
      );
      lastLine = time;
      unlogged = 0;
    },
    recovered() {
      if (since === undefined) return;
      const downForSeconds = Math.round((now() - since) / 1000);
      options.logger.info({ downForSeconds }, `${options.subject} is available again after ${downForSeconds} s`);
      since = undefined;
      reason = undefined;
    },
    get down() {
      return since !== undefined;
    },
    get reason() {
      return reason;
    },
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // ioredis wraps the socket's error; its code is what an operator searches for.
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
