import type { Database } from "better-sqlite3";
import { limiterShape } from "../flexibleRateLimits.js";
import type { RateLimits } from "../store.js";

/**
 * rate-limiter-flexible's fixed window, in its own table layout (key `10/10s:<key>`, points, expire), as one
 * prepared upsert: a window opens at a key's first take and counts every take until it ends. Atomic across
 * processes on the file (one statement under SQLite's write lock). Not RateLimiterSQLite itself: that prepares
 * its statement and opens a transaction on every call, four times slower here (about 290 µs against 66 µs).
 */
export function createSqliteRateLimits(db: Database, assertOpen: () => void): RateLimits {
  const count = db.prepare(
    `INSERT INTO rate_limits (key, points, expire) VALUES (@key, 1, @opensUntil)
     ON CONFLICT (key) DO UPDATE SET
       points = CASE WHEN expire > @now THEN points + 1 ELSE 1 END,
       expire = CASE WHEN expire > @now THEN expire ELSE excluded.expire END
     RETURNING points, expire`,
  );
  return {
    async take(key, window) {
      assertOpen();
      const shape = limiterShape(window);
      const now = Date.now();
      const { points, expire } = count.get({ key: `${shape.keyPrefix}:${key}`, opensUntil: now + shape.duration * 1000, now }) as { points: number; expire: number };
      return points <= shape.points ? { allowed: true } : { allowed: false, retryAfterMs: Math.max(1, expire - now) };
    },
  };
}
