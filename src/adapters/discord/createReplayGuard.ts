/**
 * Remembers recently seen interaction ids so a captured, correctly signed request cannot be played again while
 * its timestamp is still fresh. Per process: behind a load balancer each instance has its own memory, and an
 * id older than the signature window is refused by the timestamp check anyway, so ids are kept only that long.
 */
export interface ReplayGuard {
  /** True the first time an id is seen within the window; false for a repeat. */
  firstSeen(id: string): boolean;
  readonly size: number;
}

export function createReplayGuard(options: { windowMs: number; maxEntries: number; now: () => Date }): ReplayGuard {
  // Insertion order is arrival order, so the oldest entries are always first.
  const seen = new Map<string, number>();
  const forgetOld = (nowMs: number) => {
    for (const [id, at] of seen) {
      if (nowMs - at <= options.windowMs && seen.size < options.maxEntries) break;
      seen.delete(id);
    }
  };
  return {
    firstSeen(id) {
      const nowMs = options.now().getTime();
      forgetOld(nowMs);
      if (seen.has(id)) return false;
      seen.set(id, nowMs);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
