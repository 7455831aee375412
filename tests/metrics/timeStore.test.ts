import { describe, expect, it } from "vitest";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { timeStore } from "../../src/metrics/timeStore.js";

describe("timeStore", () => {
  it("times every call of every group with its outcome, and leaves the rest of the store as it was", async () => {
    const calls: Array<[string, string, boolean]> = [];
    const store = timeStore(createMemoryStore(), (group, operation, seconds, failed) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      calls.push([group, operation, failed]);
    });
    expect(await store.replayKeys.firstSeen("k", 60_000)).toBe(true);
    expect(await store.replayKeys.firstSeen("k", 60_000)).toBe(false);
    await store.keyValues.set("a", "1", 60_000);
    expect(await store.keyValues.get("a")).toBe("1");
    await expect(store.keyValues.set("b", "2", 0)).rejects.toThrow(RangeError);
    expect(calls).toEqual([
      ["replayKeys", "firstSeen", false],
      ["replayKeys", "firstSeen", false],
      ["keyValues", "set", false],
      ["keyValues", "get", false],
      ["keyValues", "set", true],
    ]);
    // Not groups: passed through untimed.
    expect(store.backend).toBe("memory");
    expect(store.health().status).toBe("ok");
    await store.close();
    expect(calls).toHaveLength(5);
  });

  it("gives the same group object on every access, so callers that keep it keep timing", () => {
    const store: Store = timeStore(createMemoryStore(), () => undefined);
    expect(store.rateLimits).toBe(store.rateLimits);
  });
});
