import { describe, expect, it } from "vitest";
import { MemoryReplayGuard, storeReplayGuard } from "../../src/http/replayGuard.js";
import { createMemoryStore } from "../../src/store/index.js";
import { sqliteBackend } from "../support/storeBackends.js";

describe("MemoryReplayGuard", () => {
  it("refuses a repeat until the key expires, then accepts it again", () => {
    let now = 1_000_000;
    const guard = new MemoryReplayGuard(() => now);
    expect(guard.firstSeen("a", now + 600_000)).toBe(true);
    now += 599_999;
    expect(guard.firstSeen("a", now + 600_000)).toBe(false);
    now += 1;
    expect(guard.firstSeen("a", now + 600_000)).toBe(true);
  });

  it("never forgets a key early, however many others arrive", () => {
    let now = 0;
    const guard = new MemoryReplayGuard(() => now);
    expect(guard.firstSeen("captured", 600_000)).toBe(true);
    for (let i = 0; i < 50_000; i++) {
      now = i * 10; // 50,000 requests over 500 s
      guard.firstSeen(`other-${i}`, now + 300_000);
    }
    expect(guard.firstSeen("captured", 600_000)).toBe(false);
  });

  it("drops expired keys by time, so memory follows the rate of requests, not their total", () => {
    let now = 0;
    const guard = new MemoryReplayGuard(() => now);
    for (let i = 0; i < 10_000; i++) {
      now = i * 100; // ten a second for 1,000 s, each kept 300 s
      guard.firstSeen(`k${i}`, now + 300_000);
    }
    // Only the last 300 s are still remembered: ~3,000 keys.
    expect(guard.size).toBeGreaterThanOrEqual(2_990);
    expect(guard.size).toBeLessThanOrEqual(3_010);
    now += 301_000;
    guard.firstSeen("late", now + 1_000);
    expect(guard.size).toBe(1);
  });

  it("keeps nothing for a key that has already expired", () => {
    const guard = new MemoryReplayGuard(() => 5_000);
    expect(guard.firstSeen("old", 4_999)).toBe(true);
    expect(guard.size).toBe(0);
  });

  it("sweeps correctly after a long quiet spell", () => {
    let now = 0;
    const guard = new MemoryReplayGuard(() => now);
    guard.firstSeen("a", 10_000);
    guard.firstSeen("b", 20_000_000);
    now = 10_000_000; // far past a's expiry, with few buckets in between
    expect(guard.firstSeen("c", now + 1_000)).toBe(true);
    expect(guard.size).toBe(2);
    expect(guard.firstSeen("b", 30_000_000)).toBe(false);
  });

  it("keeps nothing for a key that expires this very millisecond", () => {
    const guard = new MemoryReplayGuard(() => 5_000);
    expect(guard.firstSeen("now", 5_000)).toBe(true);
    expect(guard.size).toBe(0);
  });

  it("forgets by time from any starting clock, and uses the real clock by default", () => {
    let now = 1_750_000_000_000;
    const guard = new MemoryReplayGuard(() => now);
    guard.firstSeen("a", now + 1_000);
    now += 2_000;
    guard.firstSeen("b", now + 1_000);
    expect(guard.size).toBe(1);
    const real = new MemoryReplayGuard();
    expect(real.firstSeen("x", Date.now() + 60_000)).toBe(true);
    expect(real.firstSeen("x", Date.now() + 60_000)).toBe(false);
    expect(real.firstSeen("y", Date.now() - 1)).toBe(true);
    expect(real.size).toBe(1);
  });

  it("still refuses a key seen again after it expired, once its first expiry has been swept", () => {
    let now = 0;
    const guard = new MemoryReplayGuard(() => now);
    guard.firstSeen("a", 1_000);
    now = 1_500;
    expect(guard.firstSeen("a", 5_000)).toBe(true);
    now = 2_500; // the bucket of a's first expiry is swept here
    expect(guard.firstSeen("a", 6_000)).toBe(false);
    now = 5_000;
    expect(guard.firstSeen("a", 9_000)).toBe(true);
  });

  it("after a long quiet spell, keeps a key that has not yet expired and forgets it once it has", () => {
    let now = 0;
    const guard = new MemoryReplayGuard(() => now);
    guard.firstSeen("later", 10_000_900);
    now = 10_000_100; // far ahead: swept in bulk, while "later" still has 800 ms to go
    guard.firstSeen("x", now + 100);
    expect(guard.firstSeen("later", 20_000_000)).toBe(false);
    now = 10_002_000;
    guard.firstSeen("y", now + 100);
    expect(guard.size).toBe(1);
  });
});

describe("storeReplayGuard", () => {
  it("over SQLite: a key seen through one connection is refused through another to the same file, until it expires", async () => {
    const backend = sqliteBackend();
    const state = backend.fresh();
    try {
      const now = Date.now();
      const first = storeReplayGuard(await state.open(), "discord:interaction:", () => now);
      const second = storeReplayGuard(await state.open(), "discord:interaction:", () => now);
      expect(await first.firstSeen("123", now + 300_000)).toBe(true);
      expect(await second.firstSeen("123", now + 300_000)).toBe(false);
      // Namespaces keep platforms apart: the same text as a Slack signature is another key.
      expect(await storeReplayGuard(await state.open(), "slack:signature:", () => now).firstSeen("123", now + 300_000)).toBe(true);
      // A key whose signature has already expired is not recorded.
      expect(await first.firstSeen("old", now - 1)).toBe(true);
      expect(await second.firstSeen("old", now + 300_000)).toBe(true);
    } finally {
      await state.close();
      await backend.stop();
    }
  });

  it("over the memory store: the exact per-process guard, which never forgets a key early", () => {
    const guard = storeReplayGuard(createMemoryStore(), "discord:interaction:");
    expect(guard).toBeInstanceOf(MemoryReplayGuard);
  });
});
