import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { StoreLocation } from "../support/storeBackends.js";
import type { WorkerOptions } from "./fixtures/storeWorker.js";

const WORKER = fileURLToPath(new URL("./fixtures/storeWorker.ts", import.meta.url));

export interface Worker {
  child: ChildProcess;
  /** Every complete JSON line it has written so far. */
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first line that passes `test` (rejects after `timeoutMs` or if the process ends first). */
  waitFor(test: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/** Starts the store worker (tests/store/fixtures/storeWorker.ts) in its own Node process. */
export function startWorker(mode: "write" | "claim" | "runner", location: StoreLocation, options: WorkerOptions = {}): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, mode, JSON.stringify(location), JSON.stringify(options)], { stdio: ["pipe", "pipe", "pipe"] });
  started.add(child);
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let partial = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    partial += chunk.toString();
    const complete = partial.split("\n");
    partial = complete.pop()!;
    for (const line of complete) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.once("exit", () => {
    started.delete(child);
    for (const wake of waiters) wake();
  });
  return {
    child,
    lines,
    waitFor(test, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(test);
          if (found) return finish(() => resolve(found));
          if (child.exitCode !== null || child.signalCode !== null) finish(() => reject(new Error(`worker ended (${child.exitCode ?? child.signalCode}) first:\n${stderr}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`worker did not say it within ${timeoutMs} ms:\n${stderr}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Resolves once `condition` holds, checking every 25 ms; rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
