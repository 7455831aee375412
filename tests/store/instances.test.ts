/**
 * Reminders across real processes sharing one store (a SQLite file on this host, or a redis-server): a timer
 * started on instance A rings once, from B, on time, after A is killed with SIGKILL; with both alive every
 * reminder rings exactly once; one that came due while nobody ran rings at the next start, marked late.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startReminderRunner, type DueReminder } from "../../src/store/reminderRunner.js";
import { quietLogger } from "../support/logLines.js";
import { openAt, redisBackend, sqliteBackend, type BackendUnderTest, type StateUnderTest } from "../support/storeBackends.js";
import { eventually, startWorker, type Worker } from "./childProcesses.js";

const BACKENDS = [
  { name: "sqlite", start: async (): Promise<BackendUnderTest> => sqliteBackend() },
  { name: "redis", start: (): Promise<BackendUnderTest> => redisBackend() },
];

describe.each(BACKENDS)("reminders shared through $name by separate processes", ({ start }) => {
  let backend: BackendUnderTest;
  let state: StateUnderTest;
  const workers: Worker[] = [];
  const worker = (...args: Parameters<typeof startWorker>) => {
    const started = startWorker(...args);
    workers.push(started);
    return started;
  };
  const deliveriesOf = (id: string) => workers.flatMap((each) => each.lines.filter((line) => line.delivered === id));

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend.stop();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((each) => each.kill()));
    await state?.close();
  });

  it("rings once, from B, on time, when A scheduled it and was killed", async () => {
    state = backend.fresh();
    const b = worker("runner", state.location);
    await b.waitFor((line) => "running" in line);
    const a = worker("runner", state.location, { dueInMs: 2_500, text: "Time is up for the rebuttal." });
    const scheduled = await a.waitFor((line) => "scheduled" in line);
    await a.kill();
    const [id] = scheduled.scheduled as string[];
    const rang = await b.waitFor((line) => line.delivered === id);
    expect(rang).toMatchObject({ text: "Time is up for the rebuttal. #0", late: false, pid: b.child.pid });
    expect(Number(rang.at) - Number(scheduled.dueAt)).toBeGreaterThanOrEqual(0);
    expect(Number(rang.at) - Number(scheduled.dueAt)).toBeLessThan(2_000);
    // Another poll or two: still once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(deliveriesOf(id!)).toHaveLength(1);
    const store = await state.open();
    expect(await store.reminders.pending()).toEqual([]);
  });

  it("rings each of many reminders exactly once with two instances polling", async () => {
    state = backend.fresh();
    // Five per poll, so both instances keep claiming from the same due reminders for several polls.
    const a = worker("runner", state.location, { dueInMs: 1_500, text: "Timer", count: 40, claimLimit: 5 });
    const b = worker("runner", state.location, { claimLimit: 5 });
    const scheduled = (await a.waitFor((line) => "scheduled" in line)).scheduled as string[];
    await b.waitFor((line) => "running" in line);
    await eventually(() => scheduled.every((id) => deliveriesOf(id).length > 0));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(scheduled.map((id) => deliveriesOf(id).length)).toEqual(scheduled.map(() => 1));
    const byInstance = new Set(scheduled.map((id) => deliveriesOf(id)[0]!.pid));
    expect(byInstance).toEqual(new Set([a.child.pid, b.child.pid]));
  });

  it("hands each reminder to one of three processes claiming the same reminders as fast as they can", async () => {
    state = backend.fresh();
    const store = await state.open();
    const scheduled = await store.reminders.schedule(Array.from({ length: 3_000 }, (_, i) => ({ dueAt: i, platform: "slack", target: {}, text: `${i}` })));
    const claimers = [0, 1, 2].map(() => worker("claim", state.location, { claimLimit: 1 }));
    await Promise.all(claimers.map((claimer) => claimer.waitFor((line) => "ready" in line, 30_000)));
    for (const claimer of claimers) claimer.child.stdin!.write("go\n");
    const results = await Promise.all(claimers.map((claimer) => claimer.waitFor((line) => "claimed" in line, 30_000)));
    const claimed = results.flatMap((result) => result.claimed as string[]);
    expect(claimed).toHaveLength(3_000);
    expect(new Set(claimed)).toEqual(new Set(scheduled.map((reminder) => reminder.id)));
    // They really raced (on a loaded machine one process may be scheduled late and find nothing left).
    expect(results.filter((result) => (result.claimed as string[]).length > 0).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("rings what came due while no instance ran at the next start, marked late", async () => {
    state = backend.fresh();
    const a = worker("runner", state.location, { dueInMs: 300, text: "1 minute left for the opening." });
    const scheduled = await a.waitFor((line) => "scheduled" in line);
    await a.kill();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const store = await state.open();
    const delivered: DueReminder[] = [];
    const runner = startReminderRunner({ reminders: store.reminders, logger: quietLogger, lateAfterMs: 500, deliver: async (reminder) => void delivered.push(reminder) });
    await runner.runOnce();
    await runner.stop();
    expect(delivered).toMatchObject([{ id: (scheduled.scheduled as string[])[0], late: true }]);
    await store.close();
    const reopened = await openAt(state.location);
    expect(await reopened.reminders.pending()).toEqual([]);
    await reopened.close();
  });
});
