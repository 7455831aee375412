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
 * Rate limits on any rate-limiter-flexible limiter: one limiter per window setting (a changed RATE_LIMIT starts
 * fresh counts instead of mixing them), a refusal turned into the time to wait, and a backend failure rethrown
 * for the caller's fallback.
 */
export function createFlexibleRateLimits(createLimiter: (shape: LimiterShape) => RateLimiterAbstract): RateLimits {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (window: RateWindow): RateLimiterAbstract => {
    if (!Number.isInteger(window.limit) || window.limit < 1 || !(window.windowMs > 0)) {
      throw new RangeError(`a rate window needs a whole limit of at least 1 and a positive length (got ${window.limit}/${window.windowMs} ms)`);
    }
    const duration = Math.ceil(window.windowMs / 1000);
    const name = `${window.limit}/${duration}s`;
    let limiter = limiters.get(name);
    if (!limiter) {
      limiter = createLimiter({ points: window.limit, duration, keyPrefix: name });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  return {
    async take(key, window): Promise<RateDecision> {
      const limiter = limiterFor(window);
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
