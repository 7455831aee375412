/**
 * The one contract every store keeps, run against each implementation with real parts: the memory store, a
 * SQLite file in a temporary folder, and a redis-server started for this file. A new method group adds its
 * rows here and must pass on all three.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StoreClosedError, type ReminderDraft, type Store } from "../../src/store/index.js";
import { memoryBackend, redisBackend, sqliteBackend, type BackendUnderTest, type StateUnderTest } from "../support/storeBackends.js";

const BACKENDS = [
  { name: "memory", durable: false, start: async (): Promise<BackendUnderTest> => memoryBackend() },
  { name: "sqlite", durable: true, start: async (): Promise<BackendUnderTest> => sqliteBackend() },
  { name: "redis", durable: true, start: (): Promise<BackendUnderTest> => redisBackend() },
];

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

function draft(dueAt: number, text = "Time is up for the opening speech: 5 minutes."): ReminderDraft {
  return { dueAt, platform: "slack", target: { channel: "C0123", thread: "1700000000.000100" }, text };
}

describe.each(BACKENDS)("the $name store", ({ durable, start }) => {
  let backend: BackendUnderTest;
  let state: StateUnderTest;
  let store: Store;

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend.stop();
  });
  beforeEach(async () => {
    state = backend.fresh();
    store = await state.open();
  });
  afterEach(async () => {
    await state.close();
  });

  describe("rate limits", () => {
    it("allows the limit per key in a window, refuses the next with the time left, and counts keys and windows apart", async () => {
      const window = { limit: 3, windowMs: 10_000 };
      for (let i = 0; i < 3; i++) expect(await store.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
      const refused = await store.rateLimits.take("slack:U1", window);
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterMs).toBeGreaterThan(8_000);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
      }
      // Refused again while the window lasts.
      expect((await store.rateLimits.take("slack:U1", window)).allowed).toBe(false);
      expect(await store.rateLimits.take("slack:U2", window)).toEqual({ allowed: true });
      expect(await store.rateLimits.take("discord:U1", window)).toEqual({ allowed: true });
      // A changed setting counts afresh rather than mixing its counts with the old one's.
      expect(await store.rateLimits.take("slack:U1", { limit: 5, windowMs: 10_000 })).toEqual({ allowed: true });
    });

    it("opens a new window once the old one has ended", async () => {
      const window = { limit: 2, windowMs: 1_000 };
      await store.rateLimits.take("slack:U9", window);
      await store.rateLimits.take("slack:U9", window);
      const refused = await store.rateLimits.take("slack:U9", window);
      expect(refused.allowed).toBe(false);
      await sleep((refused.allowed ? 0 : refused.retryAfterMs) + 100);
      expect(await store.rateLimits.take("slack:U9", window)).toEqual({ allowed: true });
    });

    it("counts takes racing from two instances exactly: one limit, not one per instance", async () => {
      const other = await state.open();
      const window = { limit: 10, windowMs: 30_000 };
      const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? store : other).rateLimits.take("slack:U5", window)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    });

    it("refuses a window without a whole limit of at least 1", async () => {
      await expect(store.rateLimits.take("slack:U1", { limit: 0, windowMs: 1_000 })).rejects.toThrow(RangeError);
      await expect(store.rateLimits.take("slack:U1", { limit: 2.5, windowMs: 1_000 })).rejects.toThrow(RangeError);
    });
  });

  describe("replay keys", () => {
    it("says true the first time a key is seen and false for a repeat, from any instance", async () => {
      const other = await state.open();
      expect(await store.replayKeys.firstSeen("discord:interaction:1", 60_000)).toBe(true);
      expect(await store.replayKeys.firstSeen("discord:interaction:1", 60_000)).toBe(false);
      expect(await other.replayKeys.firstSeen("discord:interaction:1", 60_000)).toBe(false);
      expect(await other.replayKeys.firstSeen("discord:interaction:2", 60_000)).toBe(true);
    });

    it("forgets a key when its time to live has passed", async () => {
      expect(await store.replayKeys.firstSeen("slack:event:Ev1", 150)).toBe(true);
      await sleep(300);
      expect(await store.replayKeys.firstSeen("slack:event:Ev1", 150)).toBe(true);
      expect(await store.replayKeys.firstSeen("slack:event:Ev1", 150)).toBe(false);
    });

    it("lets exactly one of many simultaneous sightings through", async () => {
      const other = await state.open();
      const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? store : other).replayKeys.firstSeen("discord:interaction:race", 60_000)));
      expect(seen.filter(Boolean)).toHaveLength(1);
    });
  });

  describe("values with a time to live", () => {
    it("keeps a value exactly as given, replaces it, deletes it, and shares it between instances", async () => {
      const other = await state.open();
      const long = `gtx|${"ask|".repeat(400)}Ünïcødé 🙂\n"quoted" 'single' \\ back`;
      expect(await store.keyValues.get("button:missing")).toBeUndefined();
      await store.keyValues.set("button:a", long, 60_000);
      expect(await other.keyValues.get("button:a")).toBe(long);
      await other.keyValues.set("button:a", "replaced", 60_000);
      expect(await store.keyValues.get("button:a")).toBe("replaced");
      expect(await store.keyValues.delete("button:a")).toBe(true);
      expect(await store.keyValues.delete("button:a")).toBe(false);
      expect(await other.keyValues.get("button:a")).toBeUndefined();
      await store.keyValues.set("context:empty", "", 60_000);
      expect(await store.keyValues.get("context:empty")).toBe("");
    });

    it("forgets a value when its time runs out, and setting it again starts the time again", async () => {
      await store.keyValues.set("context:short", "x", 150);
      await store.keyValues.set("context:renewed", "y", 400);
      await sleep(250);
      expect(await store.keyValues.get("context:short")).toBeUndefined();
      expect(await store.keyValues.delete("context:short")).toBe(false);
      await store.keyValues.set("context:renewed", "y", 400);
      await sleep(250);
      expect(await store.keyValues.get("context:renewed")).toBe("y");
    });
  });

  describe("reminders", () => {
    it("schedules, lists in due order, and hands a due reminder to one claimant until it completes it", async () => {
      const [first, second] = await store.reminders.schedule([draft(T0 + 1_000, "1 minute left for the rebuttal."), draft(T0 + 2_000)], T0);
      expect(first).toMatchObject({ dueAt: T0 + 1_000, scheduledAt: T0, attempts: 0, platform: "slack", text: "1 minute left for the rebuttal." });
      const listed = await store.reminders.pending();
      expect(listed.map((reminder) => reminder.id)).toEqual([first!.id, second!.id]);
      expect(listed[0]).toEqual({ ...first, runAt: T0 + 1_000 });

      expect(await store.reminders.claimDue({ now: T0 + 999, claimant: "A", leaseMs: 60_000 })).toEqual([]);
      const claimed = await store.reminders.claimDue({ now: T0 + 1_000, claimant: "A", leaseMs: 60_000 });
      expect(claimed).toEqual([{ ...first, attempts: 1 }]);
      expect(await store.reminders.claimDue({ now: T0 + 1_500, claimant: "B", leaseMs: 60_000 })).toEqual([]);
      expect((await store.reminders.pending())[0]).toMatchObject({ id: first!.id, claimant: "A", runAt: T0 + 61_000 });

      expect(await store.reminders.complete(first!.id, "B")).toBe(false);
      expect(await store.reminders.complete(first!.id, "A")).toBe(true);
      expect(await store.reminders.complete(first!.id, "A")).toBe(false);
      expect((await store.reminders.pending()).map((reminder) => reminder.id)).toEqual([second!.id]);
    });

    it("gives each reminder to exactly one of several instances claiming at once", async () => {
      const instances = [store, await state.open()];
      const scheduled = await store.reminders.schedule(Array.from({ length: 120 }, (_, i) => draft(T0 + i)), T0);
      const claims = new Map<string, string[]>();
      await Promise.all(
        Array.from({ length: 6 }, async (_, worker) => {
          const claimant = `worker-${worker}`;
          for (;;) {
            const batch = await instances[worker % 2]!.reminders.claimDue({ now: T0 + 1_000, claimant, leaseMs: 60_000, limit: 7 });
            if (batch.length === 0) return;
            for (const reminder of batch) claims.set(reminder.id, [...(claims.get(reminder.id) ?? []), claimant]);
          }
        }),
      );
      expect(claims.size).toBe(120);
      expect([...claims.values()].every((claimants) => claimants.length === 1)).toBe(true);
      expect(new Set(claims.keys())).toEqual(new Set(scheduled.map((reminder) => reminder.id)));
    });

    it("lets another instance take over a claim whose lease ran out (its claimant died while posting)", async () => {
      const [reminder] = await store.reminders.schedule([draft(T0)], T0 - 60_000);
      expect(await store.reminders.claimDue({ now: T0, claimant: "A", leaseMs: 1_000 })).toHaveLength(1);
      expect(await store.reminders.claimDue({ now: T0 + 999, claimant: "B", leaseMs: 1_000 })).toEqual([]);
      expect(await store.reminders.claimDue({ now: T0 + 1_000, claimant: "B", leaseMs: 1_000 })).toEqual([{ ...reminder, attempts: 2 }]);
      expect(await store.reminders.complete(reminder!.id, "A")).toBe(false);
      expect(await store.reminders.complete(reminder!.id, "B")).toBe(true);
    });

    it("hands a released reminder out again from its retry time, keeping its due time", async () => {
      const [reminder] = await store.reminders.schedule([draft(T0)], T0);
      await store.reminders.claimDue({ now: T0, claimant: "A", leaseMs: 60_000 });
      expect(await store.reminders.release(reminder!.id, "B", T0 + 5_000)).toBe(false);
      expect(await store.reminders.release(reminder!.id, "A", T0 + 5_000)).toBe(true);
      expect(await store.reminders.release(reminder!.id, "A", T0 + 5_000)).toBe(false);
      expect((await store.reminders.pending())[0]).toEqual({ ...reminder, runAt: T0 + 5_000, attempts: 1 });
      expect(await store.reminders.claimDue({ now: T0 + 4_999, claimant: "B", leaseMs: 60_000 })).toEqual([]);
      expect(await store.reminders.claimDue({ now: T0 + 5_000, claimant: "B", leaseMs: 60_000 })).toEqual([{ ...reminder, dueAt: T0, attempts: 2 }]);
    });

    it("claims the earliest first, at most `limit` at a time", async () => {
      const scheduled = await store.reminders.schedule([draft(T0 + 30), draft(T0 + 10), draft(T0 + 40), draft(T0 + 20)], T0);
      const firstTwo = await store.reminders.claimDue({ now: T0 + 100, claimant: "A", leaseMs: 60_000, limit: 2 });
      expect(firstTwo.map((reminder) => reminder.dueAt)).toEqual([T0 + 10, T0 + 20]);
      const rest = await store.reminders.claimDue({ now: T0 + 100, claimant: "A", leaseMs: 60_000 });
      expect(rest.map((reminder) => reminder.dueAt)).toEqual([T0 + 30, T0 + 40]);
      expect(new Set([...firstTwo, ...rest].map((reminder) => reminder.id))).toEqual(new Set(scheduled.map((reminder) => reminder.id)));
    });

    it("cancels a reminder whoever holds it", async () => {
      const [waiting, held] = await store.reminders.schedule([draft(T0 + 60_000), draft(T0)], T0);
      await store.reminders.claimDue({ now: T0, claimant: "A", leaseMs: 60_000 });
      expect(await store.reminders.cancel(waiting!.id)).toBe(true);
      expect(await store.reminders.cancel(held!.id)).toBe(true);
      expect(await store.reminders.cancel(held!.id)).toBe(false);
      expect(await store.reminders.complete(held!.id, "A")).toBe(false);
      expect(await store.reminders.pending()).toEqual([]);
      expect(await store.reminders.claimDue({ now: T0 + 120_000, claimant: "B", leaseMs: 60_000 })).toEqual([]);
    });

    it("stores all of a batch or none of it", async () => {
      await expect(store.reminders.schedule([draft(T0), { ...draft(T0), dueAt: Number.NaN }], T0)).rejects.toThrow(RangeError);
      await expect(store.reminders.schedule([draft(T0), { ...draft(T0), platform: "" }], T0)).rejects.toThrow(RangeError);
      expect(await store.reminders.pending()).toEqual([]);
      expect(await store.reminders.schedule([], T0)).toEqual([]);
    });

    it.skipIf(!durable)("keeps reminders, values, votes, settings and installations when every instance closes and a new one opens", async () => {
      const [reminder] = await store.reminders.schedule([draft(T0 + 5_000)], T0);
      await store.keyValues.set("context:kept", "still here", 60_000);
      await store.feedback.cast({ answerId: "a1", voter: "v1", vote: "helpful", at: T0 });
      await store.channelSettings.update("slack:T1:C1", { visibility: "public" });
      await store.installations.save("team:T1", "sealed");
      await state.close();
      const reopened = await state.open();
      expect(await reopened.reminders.pending()).toEqual([{ ...reminder, runAt: T0 + 5_000 }]);
      expect(await reopened.keyValues.get("context:kept")).toBe("still here");
      expect(await reopened.feedback.since(0)).toHaveLength(1);
      expect(await reopened.channelSettings.get("slack:T1:C1")).toEqual({ visibility: "public" });
      expect(await reopened.installations.get("team:T1")).toBe("sealed");
    });
  });

  describe("feedback votes", () => {
    const vote = (voter: string, kind: "helpful" | "unhelpful" | "wrong-passage", at: number, passageId?: string) => ({
      answerId: "a1",
      voter,
      vote: kind,
      at,
      ...(passageId ? { passageId } : {}),
    });

    it("keeps one vote per person per answer: a second click replaces the first, from any instance", async () => {
      const other = await state.open();
      expect(await store.feedback.cast(vote("v1", "helpful", T0))).toEqual({ replaced: false });
      expect(await other.feedback.cast(vote("v1", "unhelpful", T0 + 1))).toEqual({ replaced: true });
      expect(await store.feedback.cast(vote("v2", "helpful", T0 + 2))).toEqual({ replaced: false });
      expect(await store.feedback.since(T0)).toEqual([vote("v1", "unhelpful", T0 + 1), vote("v2", "helpful", T0 + 2)]);
    });

    it("records which passage was reported wrong, one report per passage, beside the helpful vote", async () => {
      await store.feedback.cast(vote("v1", "helpful", T0));
      await store.feedback.cast(vote("v1", "wrong-passage", T0 + 1, "doc#p3"));
      expect(await store.feedback.cast(vote("v1", "wrong-passage", T0 + 2, "doc#p3"))).toEqual({ replaced: true });
      await store.feedback.cast(vote("v1", "wrong-passage", T0 + 3, "doc#p7"));
      const votes = await store.feedback.since(0);
      expect(votes.map((cast) => [cast.vote, cast.passageId])).toEqual([
        ["helpful", undefined],
        ["wrong-passage", "doc#p3"],
        ["wrong-passage", "doc#p7"],
      ]);
      await expect(store.feedback.cast(vote("v1", "wrong-passage", T0))).rejects.toThrow(RangeError);
      await expect(store.feedback.cast({ ...vote("v1", "helpful", T0), vote: "great" as never })).rejects.toThrow(RangeError);
    });

    it("counts racing votes of many people exactly, and one vote for a person clicking twice at once", async () => {
      const other = await state.open();
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? store : other).feedback.cast(vote(`v${i % 15}`, i % 3 ? "helpful" : "unhelpful", T0 + i))));
      const votes = await store.feedback.since(0);
      expect(votes).toHaveLength(15);
      expect(new Set(votes.map((cast) => cast.voter)).size).toBe(15);
    });

    it("deletes the votes older than the cutoff and nothing else", async () => {
      await store.feedback.cast(vote("old", "helpful", T0 - 10));
      await store.feedback.cast(vote("edge", "helpful", T0));
      await store.feedback.cast(vote("new", "unhelpful", T0 + 10));
      expect(await store.feedback.removeOlderThan(T0)).toBe(1);
      expect(await store.feedback.removeOlderThan(T0)).toBe(0);
      expect((await store.feedback.since(0)).map((cast) => cast.voter)).toEqual(["edge", "new"]);
      expect((await store.feedback.since(T0 + 1)).map((cast) => cast.voter)).toEqual(["new"]);
    });
  });

  describe("question log", () => {
    const entry = (id: string, at: number, question?: string) => ({
      id,
      at,
      platform: "discord",
      command: "ask",
      asker: "k-123",
      ...(question !== undefined ? { question } : {}),
      outcome: "weak" as const,
      passages: [{ passageId: "doc#p1", document: "doc", section: "Intro", sources: ["Smith 2020"] }],
    });

    it("records entries, reads one back by id, and lists them by time, from any instance", async () => {
      const other = await state.open();
      await store.questionLog.record(entry("q2", T0 + 5, "why did it stall? 🙂"));
      await other.questionLog.record(entry("q1", T0, "what is the thesis?"));
      await store.questionLog.record(entry("q3", T0 + 9));
      expect(await other.questionLog.get("q2")).toEqual(entry("q2", T0 + 5, "why did it stall? 🙂"));
      expect(await store.questionLog.get("missing")).toBeUndefined();
      expect((await store.questionLog.since(T0 + 1)).map((logged) => logged.id)).toEqual(["q2", "q3"]);
      expect((await store.questionLog.since(0))[2]).not.toHaveProperty("question");
    });

    it("deletes the entries older than the cutoff and nothing else", async () => {
      for (let i = 0; i < 20; i++) await store.questionLog.record(entry(`q${i}`, T0 + i * 1_000));
      expect(await store.questionLog.removeOlderThan(T0 + 12_000)).toBe(12);
      expect((await store.questionLog.since(0)).map((logged) => logged.id)).toEqual(["q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19"]);
      expect(await store.questionLog.get("q11")).toBeUndefined();
      expect(await store.questionLog.get("q12")).toBeDefined();
      await expect(store.questionLog.record({ ...entry("", T0) })).rejects.toThrow(RangeError);
    });
  });

  describe("channel settings", () => {
    it("starts empty, sets, clears with null, and shares the result with every instance", async () => {
      const other = await state.open();
      expect(await store.channelSettings.get("slack:T1:C1")).toEqual({});
      expect(await store.channelSettings.update("slack:T1:C1", { document: "essay", visibility: "public" })).toEqual({ document: "essay", visibility: "public" });
      expect(await other.channelSettings.update("slack:T1:C1", { visibility: null, disabledCommands: ["debate", "timer"] })).toEqual({
        document: "essay",
        disabledCommands: ["debate", "timer"],
      });
      expect(await store.channelSettings.get("slack:T1:C1")).toEqual({ document: "essay", disabledCommands: ["debate", "timer"] });
      expect(await store.channelSettings.get("slack:T1:C2")).toEqual({});
      await store.channelSettings.update("discord:G1:C1", { answerMentions: false });
      expect(await other.channelSettings.get("discord:G1:C1")).toEqual({ answerMentions: false });
    });

    it("keeps both of two changes to different settings made at once from two instances", async () => {
      const other = await state.open();
      for (let round = 0; round < 10; round++) {
        const channel = `discord:G1:C${round}`;
        await Promise.all([store.channelSettings.update(channel, { document: `d${round}` }), other.channelSettings.update(channel, { answerMentions: false })]);
        expect(await store.channelSettings.get(channel)).toEqual({ document: `d${round}`, answerMentions: false });
      }
    });

    it("refuses an unknown setting and changes nothing", async () => {
      await expect(store.channelSettings.update("slack:T1:C1", { colour: "red" } as never)).rejects.toThrow(RangeError);
      expect(await store.channelSettings.get("slack:T1:C1")).toEqual({});
    });
  });

  describe("installations", () => {
    it("saves, replaces, reads and deletes a sealed installation, shared between instances", async () => {
      const other = await state.open();
      expect(await store.installations.get("team:T1")).toBeUndefined();
      await store.installations.save("team:T1", "v1.sealed-one");
      await other.installations.save("team:T1", "v1.sealed-two");
      expect(await store.installations.get("team:T1")).toBe("v1.sealed-two");
      expect(await other.installations.delete("team:T1")).toBe(true);
      expect(await store.installations.delete("team:T1")).toBe(false);
      expect(await store.installations.get("team:T1")).toBeUndefined();
    });
  });

  describe("health and closing", () => {
    it("is healthy while open; once closed it says so and refuses every group", async () => {
      expect(store.health()).toMatchObject({ status: "ok" });
      await store.close();
      await store.close();
      expect(store.health()).toMatchObject({ status: "unavailable", reason: "closed" });
      await expect(store.rateLimits.take("slack:U1", { limit: 1, windowMs: 1_000 })).rejects.toThrow(StoreClosedError);
      await expect(store.replayKeys.firstSeen("k", 1_000)).rejects.toThrow(StoreClosedError);
      await expect(store.keyValues.get("k")).rejects.toThrow(StoreClosedError);
      await expect(store.reminders.pending()).rejects.toThrow(StoreClosedError);
      await expect(store.feedback.since(0)).rejects.toThrow(StoreClosedError);
      await expect(store.questionLog.get("q")).rejects.toThrow(StoreClosedError);
      await expect(store.channelSettings.get("c")).rejects.toThrow(StoreClosedError);
      await expect(store.installations.get("k")).rejects.toThrow(StoreClosedError);
    });
  });
});
