import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateDecision, RateLimits, RateWindow } from "./store.js";

/** What a backend hands rate-limiter-flexible: the window in its units, and a prefix naming the window. */
export interface LimiterShape {
  points: number;
  /** Seconds; rate-limiter-flexible's Redis limiter keeps whole seconds, so every backend does. */
  duration: number;
  keyPrefix: string;
}

/**
 * Rate limits on a rate-limiter-flexible limiter (the memory and Redis stores): one limiter per window setting (a changed RATE_LIMIT starts
 * fresh counts instead of mixing them), a refusal turned into the time to wait, and a backend failure rethrown
 * for the caller's fallback.
 */
export function createFlexibleRateLimits(createLimiter: (shape: LimiterShape) => RateLimiterAbstract): RateLimits {
  const limiters = new Map<string, RateLimiterAbstract>();
  return {
    async take(key, window): Promise<RateDecision> {
      const shape = limiterShape(window);
      let limiter = limiters.get(shape.keyPrefix);
      if (!limiter) {
        limiter = createLimiter(shape);
        limiters.set(shape.keyPrefix, limiter);
      }
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        // A refusal comes back as the limiter's result; anything else is the backend failing.
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
        throw rejection;
      }
    },
  };
}

/** A window in whole seconds, named `10/10s`; a window that cannot work is the caller's mistake (RangeError). */
export function limiterShape(window: RateWindow): LimiterShape {
  if (!Number.isInteger(window.limit) || window.limit < 1 || !(window.windowMs > 0)) {
    throw new RangeError(`a rate window needs a whole limit of at least 1 and a positive length (got ${window.limit}/${window.windowMs} ms)`);
  }
  const duration = Math.ceil(window.windowMs / 1000);
  return { points: window.limit, duration, keyPrefix: `${window.limit}/${duration}s` };
}
