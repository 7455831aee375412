/**
 * `npm run bench:store`: what each store costs per operation, measured on real backends in one run: memory, a
 * SQLite file in a temporary folder, and a redis-server started for the run on loopback (skipped with a line
 * when redis-server is not installed). For each operation: p50 and p99 of one call awaited at a time, and
 * throughput with 50 calls in flight (what a busy HTTP server asks of it). The load benchmark's rows for the
 * wired bot come with phase B.
 */
import { percentile } from "./measure.js";
import type { Store } from "../src/store/index.js";
import { redisServerInstalled } from "../tests/support/redisServer.js";
import { memoryBackend, redisBackend, sqliteBackend, type BackendUnderTest } from "../tests/support/storeBackends.js";

const CALLS = 3_000;
const WARM_UP = 300;
const IN_FLIGHT = 50;
const window = { limit: 10, windowMs: 10_000 };

interface Operation {
  name: string;
  /** Prepares what the calls need (not timed); returns the call for index i. */
  prepare(store: Store): Promise<(i: number) => Promise<unknown>>;
}

const text = "Time is up for the opening speech: 5 minutes.";
const OPERATIONS: Operation[] = [
  // 1,000 users taking in turn: each sees 3 of its 10 in the window, as real traffic mostly does.
  { name: "rateLimits.take", prepare: async (store) => (i) => store.rateLimits.take(`slack:U${i % 1_000}`, window) },
  { name: "replayKeys.firstSeen", prepare: async (store) => (i) => store.replayKeys.firstSeen(`discord:interaction:${i}:${Math.random()}`, 300_000) },
  { name: "keyValues.set", prepare: async (store) => (i) => store.keyValues.set(`button:${i % 500}`, `gtx|ask|${"q".repeat(150)}`, 86_400_000) },
  {
    name: "keyValues.get",
    prepare: async (store) => {
      for (let i = 0; i < 500; i++) await store.keyValues.set(`button:${i}`, `gtx|ask|${"q".repeat(150)}`, 86_400_000);
      return (i) => store.keyValues.get(`button:${i % 500}`);
    },
  },
  {
    name: "reminders.schedule (a timer's 2)",
    prepare: async (store) => (i) =>
      store.reminders.schedule([
        { dueAt: Date.now() + 3_600_000 + i, platform: "slack", target: { channel: "C1" }, text },
        { dueAt: Date.now() + 3_660_000 + i, platform: "slack", target: { channel: "C1" }, text },
      ]),
  },
  {
    name: "reminders claim + complete",
    prepare: async (store) => {
      const claimant = "bench";
      const due = Array.from({ length: 200 }, () => ({ dueAt: 0, platform: "slack", target: { channel: "C1" }, text }));
      for (let made = 0; made < CALLS * 2 + WARM_UP + IN_FLIGHT; made += due.length) await store.reminders.schedule(due);
      return async () => {
        const [reminder] = await store.reminders.claimDue({ now: Date.now(), claimant, leaseMs: 60_000, limit: 1 });
        if (reminder) await store.reminders.complete(reminder.id, claimant);
      };
    },
  },
];

async function measure(backend: BackendUnderTest): Promise<string[]> {
  const rows: string[] = [];
  for (const operation of OPERATIONS) {
    const state = backend.fresh();
    const store = await state.open();
    const call = await operation.prepare(store);
    for (let i = 0; i < WARM_UP; i++) await call(i);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await call(WARM_UP + i);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CALLS) await call(WARM_UP + CALLS + next++);
      }),
    );
    const perSecond = CALLS / ((performance.now() - started) / 1000);
    rows.push(row(backend.name, operation.name, microseconds(percentile(times, 50)), microseconds(percentile(times, 99)), `${Math.round(perSecond).toLocaleString("en-US")}/s`));
    await state.close();
  }
  return rows;
}

const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;
const microseconds = (ms: number) => `${(ms * 1000).toFixed(ms < 0.1 ? 1 : 0)} µs`;

const backends: BackendUnderTest[] = [memoryBackend(), sqliteBackend()];
if (redisServerInstalled()) backends.push(await redisBackend());
else console.log("redis-server is not installed: Redis is skipped (apt-get install -y redis-server).");

console.log(`Store operations: ${CALLS} calls each after ${WARM_UP} to warm up; p50/p99 one at a time, throughput with ${IN_FLIGHT} in flight.`);
console.log(`Node ${process.version}, ${new Date().toISOString()}; timings on a shared machine vary from run to run.\n`);
console.log(row("store", "operation", "p50", "p99", "throughput"));
console.log(row("---", "---", "---:", "---:", "---:"));
try {
  for (const backend of backends) for (const line of await measure(backend)) console.log(line);
} finally {
  await Promise.all(backends.map((backend) => backend.stop()));
}
