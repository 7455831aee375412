import type { Logger } from "../logger.js";

/** One line per reason per minute: enough to see an attack or a misconfiguration, too few to flood the log. */
export const RATE_LIMITED_LOG_INTERVAL_MS = 60_000;

export interface RateLimitedLogOptions {
  intervalMs?: number;
  level?: "info" | "warn" | "error";
  now?: () => number;
}

/**
 * A log line for events that can arrive thousands of times a second (refused requests, connection limits). The
 * first event of each reason is logged at once; later ones within the interval are only counted, and the next
 * line for that reason says how many there were (`repeated`). Reasons are fixed phrases chosen by the caller,
 * never request content, so nothing a client sends (a secret pasted in a header, a signature) reaches the log.
 */
export type RateLimitedLog = (reason: string, fields?: Record<string, unknown>) => void;

export function createRateLimitedLog(logger: Logger, message: string, options: RateLimitedLogOptions = {}): RateLimitedLog {
  const intervalMs = options.intervalMs ?? RATE_LIMITED_LOG_INTERVAL_MS;
  const level = options.level ?? "warn";
  const now = options.now ?? (() => Date.now());
  const reasons = new Map<string, { loggedAt: number; repeated: number }>();
  return (reason, fields = {}) => {
    const at = now();
    const seen = reasons.get(reason);
    if (seen && at - seen.loggedAt < intervalMs) {
      seen.repeated++;
      return;
    }
    const repeated = seen?.repeated ?? 0;
    reasons.set(reason, { loggedAt: at, repeated: 0 });
    logger[level]({ ...fields, reason, ...(repeated > 0 ? { repeated } : {}) }, message);
  };
}
