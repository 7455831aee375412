/**
 * The reminder runner: what is due is posted once, late ones say so, stale ones are dropped with a log line,
 * failed posts are retried and then given up. In one process, on the memory store with a clock the test moves.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/store/memory/memoryStore.js";
import { LATE_NOTE, reminderText, startReminderRunner, type DueReminder, type ReminderRunner } from "../../src/store/reminderRunner.js";
import type { Store } from "../../src/store/store.js";
import { capturingLogger } from "../support/logLines.js";

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const runners: ReminderRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

function setUp(store: Store = createMemoryStore(), options: { fail?: (reminder: DueReminder) => boolean } = {}) {
  let now = T0;
  const delivered: DueReminder[] = [];
  const { logger, lines } = capturingLogger();
  const start = (claimant: string) => {
    const runner = startReminderRunner({
      reminders: store.reminders,
      logger,
      claimant,
      // The test drives every poll itself.
      pollMs: 3_600_000,
      now: () => now,
      deliver: async (reminder) => {
        if (options.fail?.(reminder)) throw new Error("chat.postMessage: ratelimited");
        delivered.push(reminder);
      },
    });
    runners.push(runner);
    return runner;
  };
  return { store, delivered, lines, start, at: (ms: number) => (now = T0 + ms) };
}

const timer = (dueIn: number, text = "Time is up for the opening speech: 5 minutes.") => ({ dueAt: T0 + dueIn, platform: "slack", target: { channel: "C1" }, text });

describe("the reminder runner", () => {
  it("posts a reminder when it is due, once, and leaves the others waiting", async () => {
    const { store, delivered, start, at } = setUp();
    const runner = start("A");
    await store.reminders.schedule([timer(60_000, "1 minute left."), timer(120_000)], T0);
    at(59_999);
    expect(await runner.runOnce()).toBe(0);
    at(60_400);
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(delivered).toMatchObject([{ text: "1 minute left.", late: false, lateByMs: 400, attempts: 1 }]);
    expect(reminderText(delivered[0]!)).toBe("1 minute left.");
    expect((await store.reminders.pending()).map((reminder) => reminder.dueAt)).toEqual([T0 + 120_000]);
  });

  it("posts what came due while no instance ran at once, saying it is late, and drops what is too stale to help", async () => {
    const { store, delivered, lines, start, at } = setUp();
    const [, stale] = await store.reminders.schedule([timer(0, "Time is up for the rebuttal."), timer(-20 * 60_000, "1 minute left.")], T0 - 30 * 60_000);
    at(30_000);
    await start("B").runOnce();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ late: true, lateByMs: 30_000 });
    expect(reminderText(delivered[0]!)).toBe(`Time is up for the rebuttal. ${LATE_NOTE}`);
    expect(LATE_NOTE).toBe("(late: the bot restarted)");
    const dropped = lines().find((line) => line.msg.startsWith("reminder dropped"));
    expect(dropped).toMatchObject({ level: 40, reminder: stale!.id, lateByMinutes: 21, msg: "reminder dropped: too long overdue to be useful" });
    expect(await store.reminders.pending()).toEqual([]);
  });

  it("tries a failed post again with backoff, then gives up with a log line", async () => {
    let failures = 0;
    const { store, delivered, lines, start, at } = setUp(undefined, { fail: () => ++failures <= 2 });
    const runner = start("A");
    await store.reminders.schedule([timer(0)], T0);
    at(0);
    expect(await runner.runOnce()).toBe(0);
    expect((await store.reminders.pending())[0]).toMatchObject({ runAt: T0 + 2_000, attempts: 1 });
    at(1_999);
    expect(await runner.runOnce()).toBe(0);
    at(2_000);
    expect(await runner.runOnce()).toBe(0);
    expect((await store.reminders.pending())[0]).toMatchObject({ runAt: T0 + 6_000, attempts: 2 });
    at(6_000);
    expect(await runner.runOnce()).toBe(1);
    expect(delivered).toMatchObject([{ attempts: 3, late: true }]);
    expect(lines().filter((line) => line.msg === "reminder delivery failed")).toHaveLength(2);

    const { store: other, lines: otherLines, start: startOther, at: atOther } = setUp(undefined, { fail: () => true });
    const stubborn = startOther("A");
    await other.reminders.schedule([timer(0)], T0);
    for (let attempt = 0, t = 0; attempt < 6; attempt++, t += 60_000) {
      atOther(t);
      await stubborn.runOnce();
    }
    expect(await other.reminders.pending()).toEqual([]);
    expect(otherLines().filter((line) => line.msg === "reminder dropped: delivery kept failing")).toHaveLength(1);
  });

  it("with several runners on one store, each reminder is posted by one of them", async () => {
    const { store, delivered, start, at } = setUp();
    const runnerA = start("A");
    const runnerB = start("B");
    await store.reminders.schedule(Array.from({ length: 30 }, (_, i) => timer(i + 1)), T0);
    at(1_000);
    const counts = await Promise.all([runnerA.runOnce(), runnerB.runOnce(), runnerA.runOnce(), runnerB.runOnce()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(30);
    expect(new Set(delivered.map((reminder) => reminder.id)).size).toBe(30);
    expect(delivered).toHaveLength(30);
  });

  it("stops polling on stop(), after the deliveries in flight", async () => {
    let release!: () => void;
    const store = createMemoryStore();
    const delivered: string[] = [];
    const runner = startReminderRunner({
      reminders: store.reminders,
      logger: capturingLogger().logger,
      pollMs: 10,
      deliver: async (reminder) => {
        await new Promise<void>((resolve) => (release = resolve));
        delivered.push(reminder.id);
      },
    });
    const [reminder] = await store.reminders.schedule([{ dueAt: Date.now(), platform: "slack", target: {}, text: "t" }]);
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = runner.stop();
    release();
    await stopping;
    expect(delivered).toEqual([reminder!.id]);
    await store.reminders.schedule([{ dueAt: Date.now(), platform: "slack", target: {}, text: "after stop" }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toHaveLength(1);
  });
});
