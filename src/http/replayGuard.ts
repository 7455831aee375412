/**
 * Remembers the requests already answered, so a captured, correctly signed request cannot be played again while
 * its timestamp is still accepted. The key is what makes a request unique on its platform (Slack: its
 * signature; Discord: the interaction id) and each is kept exactly until its signature would be refused as
 * stale anyway, so nothing is forgotten early and memory grows only with the rate of valid requests.
 *
 * An interface because a store shared by every instance (SQLite, Redis) can answer it too; the answer may then
 * be a promise.
 */
export interface ReplayGuard {
  /** True the first time `key` is seen before `expiresAtMs`; false for a repeat. */
  firstSeen(key: string, expiresAtMs: number): boolean | Promise<boolean>;
}

/** Expiry is tracked to the second: entries are grouped by the second they expire in and dropped a group at a time. */
const BUCKET_MS = 1_000;

/**
 * The per-process guard. Keys expire by time alone: there is no count limit that a flood of fresh requests
 * could use to push an earlier id out (only signed requests are ever recorded, so a flood cannot be forged).
 * Eviction is amortised O(1): each call drops the expired seconds since the last call.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly expiries = new Map<string, number>();
  private readonly buckets = new Map<number, string[]>();
  private sweptUpTo: number;

  constructor(private readonly now: () => number = () => Date.now()) {
    this.sweptUpTo = Math.floor(now() / BUCKET_MS);
  }

  firstSeen(key: string, expiresAtMs: number): boolean {
    const nowMs = this.now();
    this.forgetExpired(nowMs);
    if ((this.expiries.get(key) ?? 0) > nowMs) return false;
    if (expiresAtMs <= nowMs) return true;
    this.expiries.set(key, expiresAtMs);
    const bucket = Math.floor(expiresAtMs / BUCKET_MS);
    const keys = this.buckets.get(bucket);
    if (keys) keys.push(key);
    else this.buckets.set(bucket, [key]);
    return true;
  }

  /** Keys remembered now (expired ones may linger until the next call). */
  get size(): number {
    return this.expiries.size;
  }

  private forgetExpired(nowMs: number): void {
    const current = Math.floor(nowMs / BUCKET_MS);
    // A clock far ahead of the last sweep would walk every second in between; empty seconds are skipped in bulk.
    // Either way gives the same result, so mutants of this choice (and of the Math.max below) change only the cost.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator
    if (current - this.sweptUpTo > this.buckets.size) {
      for (const [bucket, keys] of this.buckets) if (bucket < current) this.dropBucket(bucket, keys);
    } else {
      for (let bucket = this.sweptUpTo; bucket < current; bucket++) {
        const keys = this.buckets.get(bucket);
        if (keys) this.dropBucket(bucket, keys);
      }
    }
    // Stryker disable next-line MethodExpression: see above.
    this.sweptUpTo = Math.max(this.sweptUpTo, current);
  }

  /** Forgets the keys expiring in `bucket`, except those seen again since with a later expiry (filed under a later bucket). */
  private dropBucket(bucket: number, keys: string[]): void {
    this.buckets.delete(bucket);
    for (const key of keys) if (Math.floor(Number(this.expiries.get(key)) / BUCKET_MS) === bucket) this.expiries.delete(key);
  }
}

/**
 * The guard over the app's store (`PlatformContext.state`), so a request answered by one instance is refused by
 * every other sharing the store, and after a restart. Only a request whose signature checked out is ever passed
 * here, so nothing unsigned is recorded. A key is kept for the time its signature has left (`expiresAtMs` minus
 * now), under the caller's namespace (`discord:interaction:`, `slack:signature:`). While a shared backend is down
 * the store answers from this process's memory (a replay is then refused by the same instance only).
 *
 * The memory store is per process anyway, so it gets the MemoryReplayGuard above, which never forgets a key early
 * however many arrive (the memory store's keys are capped in number).
 */
export function storeReplayGuard(
  state: { backend: string; replayKeys: { firstSeen(key: string, ttlMs: number): Promise<boolean> } },
  namespace: string,
  now: () => number = () => Date.now(),
): ReplayGuard {
  if (state.backend === "memory") return new MemoryReplayGuard(now);
  return {
    async firstSeen(key, expiresAtMs) {
      const ttlMs = expiresAtMs - now();
      // Already expired: its signature would be refused as stale, so there is nothing to remember.
      if (ttlMs <= 0) return true;
      return state.replayKeys.firstSeen(`${namespace}${key}`, Math.ceil(ttlMs));
    },
  };
}
