import type { RateLimitSetting } from "./parseRateLimit.js";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiterOptions {
  /** Milliseconds since some epoch; injectable so tests control time. */
  now?: () => number;
  /** Users tracked at once; beyond this the least recently seen are forgotten, bounding memory. */
  maxUsers?: number;
}

/**
 * A sliding-window limit per key (a platform user): at most `limit` takes in any `windowMs`. Each key keeps
 * only its last `limit` timestamps, keys idle for a whole window are swept, and the number of keys is
 * capped, so memory stays bounded however many users there are.
 */
export class SlidingWindowRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxUsers: number;
  private lastSweep: number;

  constructor(
    private readonly setting: RateLimitSetting,
    options: RateLimiterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxUsers = options.maxUsers ?? 50_000;
    this.lastSweep = this.now();
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.sweepIfDue(now);
    const windowStart = now - this.setting.windowMs;
    const times = (this.hits.get(key) ?? []).filter((time) => time > windowStart);
    if (times.length >= this.setting.limit) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterMs: times[0]! + this.setting.windowMs - now };
    }
    times.push(now);
    // Re-inserting moves the key to the end, so the Map's order is least recently seen first.
    this.hits.delete(key);
    this.hits.set(key, times);
    if (this.hits.size > this.maxUsers) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true };
  }

  /** Users currently tracked (for tests and diagnostics). */
  get trackedUsers(): number {
    return this.hits.size;
  }

  private sweepIfDue(now: number): void {
    if (now - this.lastSweep < this.setting.windowMs) return;
    this.lastSweep = now;
    const windowStart = now - this.setting.windowMs;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1]! <= windowStart) this.hits.delete(key);
    }
  }
}
