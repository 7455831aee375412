/**
 * A server under test in its own process, so its memory is measured apart from the load generator's. Started
 * with node and the tsx loader directly (not through the tsx CLI), so the pid is the server's own.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ServerProcess {
  port: number;
  pid: number;
  /** Peak resident memory so far, in MB: the kernel's high-water mark (VmHWM), so Linux only; NaN elsewhere. */
  peakRssMb(): number;
  /** CPU time the process has used so far (user + system), in ms: Linux only; NaN elsewhere. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** `startTimeoutMs`: how long it may take to listen (a large knowledge folder loads first). */
export async function startServerProcess(script: string, env: Record<string, string>, startTimeoutMs = START_TIMEOUT_MS): Promise<ServerProcess> {
  const child: ChildProcess = fork(script, [], {
    execArgv: ["--import", "tsx", ...(process.env.LOAD_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
    env: { ...process.env, ...env },
    // Logs go where production sends them (stdout), but nobody reads them here.
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + String(chunk)).slice(-4_000);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${startTimeoutMs / 1000} s\n${stderr}`)), startTimeoutMs);
    child.once("message", (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === "number") resolve(message.port);
      else reject(new Error(`${script} sent no port`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before listening\n${stderr}`));
    });
  });

  const pid = child.pid!;
  return {
    port,
    pid,
    peakRssMb: () => readPeakRssMb(pid),
    cpuMs: () => readCpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

function readPeakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kilobytes) ? Math.round(kilobytes / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Linux's clock tick for /proc times; 100 on every common configuration. */
const CLOCK_TICKS_PER_SECOND = 100;

function readCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
