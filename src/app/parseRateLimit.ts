/** At most `limit` commands per user in any `windowMs`. */
export interface RateLimitSetting {
  limit: number;
  windowMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
/**
 * The limiter keeps one timestamp per allowed command per user, so memory grows with the limit: at most this
 * many per window (a few hundred kilobytes per thousand active users), which no chat conversation reaches.
 */
export const MAX_RATE_LIMIT = 100;

/**
 * `10/10s`, `20/1m`, `100/h` → a setting; `0` or `off` → null (no limit). Anything else → undefined, so the
 * caller can say which variable is wrong.
 */
export function parseRateLimit(text: string): RateLimitSetting | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "0" || trimmed === "off") return null;
  const match = /^(\d{1,6})\s*\/\s*(\d{0,6})\s*(s|m|h)$/.exec(trimmed);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const windowMs = Number(match[2] || "1") * UNIT_MS[match[3]!]!;
  if (limit === 0) return null;
  if (windowMs === 0 || limit > MAX_RATE_LIMIT) return undefined;
  return { limit, windowMs };
}

export function formatRateLimit(setting: RateLimitSetting | null): string {
  if (!setting) return "off";
  return `${setting.limit}/${setting.windowMs / 1000}s`;
}
