/**
 * RETENTION_DAYS: the scheduled cleanup deletes votes and logged questions older than the period, and nothing
 * newer, on the real SQLite and Redis stores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRetentionDays, startRetentionCleanup } from "../../src/store/retention.js";
import { capturingLogger } from "../support/logLines.js";
import { redisBackend, sqliteBackend, type BackendUnderTest } from "../support/storeBackends.js";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2030, 5, 1);

describe.each([
  { name: "sqlite", start: async () => sqliteBackend() as BackendUnderTest },
  { name: "redis", start: () => redisBackend() as Promise<BackendUnderTest> },
])("retention on the $name store", ({ start }) => {
  let backend: BackendUnderTest;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => backend.stop());

  it("deletes what is older than RETENTION_DAYS, at start and on schedule, and nothing else", async () => {
    const state = backend.fresh();
    const store = await state.open();
    const ages = [31, 30.001, 29.999, 1, 0];
    for (const [i, age] of ages.entries()) {
      const at = NOW - age * DAY;
      await store.questionLog.record({ id: `q${i}`, at, platform: "slack", command: "ask", asker: "k", outcome: "strong", passages: [] });
      await store.feedback.cast({ answerId: `q${i}`, voter: "v", vote: "helpful", at });
    }
    let now = NOW;
    const { logger, lines } = capturingLogger();
    const cleanup = startRetentionCleanup({ store, retentionDays: 30, logger, everyMs: 50, now: () => now });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await store.questionLog.since(0)).map((entry) => entry.id)).toEqual(["q2", "q3", "q4"]);
    expect((await store.feedback.since(0)).map((vote) => vote.answerId)).toEqual(["q2", "q3", "q4"]);
    expect(lines().find((line) => line.msg.startsWith("retention"))).toMatchObject({ votes: 2, questions: 2, retentionDays: 30 });

    // A day later the scheduled run takes the entry that has now passed 30 days.
    now = NOW + DAY;
    await new Promise((resolve) => setTimeout(resolve, 150));
    cleanup.stop();
    expect((await store.questionLog.since(0)).map((entry) => entry.id)).toEqual(["q3", "q4"]);
    expect(await cleanup.runOnce()).toEqual({ votes: 0, questions: 0 });
    await state.close();
  });
});

describe("RETENTION_DAYS", () => {
  it("defaults to 30 and refuses what is not a whole number of days", () => {
    const problems: string[] = [];
    expect(readRetentionDays(undefined, problems)).toBe(30);
    expect(readRetentionDays(" 7 ", problems)).toBe(7);
    expect(problems).toEqual([]);
    expect(readRetentionDays("0", problems)).toBe(30);
    expect(readRetentionDays("2.5", problems)).toBe(30);
    expect(readRetentionDays("forever", problems)).toBe(30);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/RETENTION_DAYS/);
  });

  it("logs a failing cleanup and keeps the schedule", async () => {
    const { logger, lines } = capturingLogger();
    const failing = { removeOlderThan: async () => Promise.reject(new Error("store down")) };
    const cleanup = startRetentionCleanup({ store: { feedback: failing as never, questionLog: failing as never }, logger, everyMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    cleanup.stop();
    expect(lines().some((line) => line.msg.includes("cleanup failed"))).toBe(true);
  });
});
