/**
 * `npm run attack`: the bot's HTTP server, as production runs it, answering signed Slack and Discord commands
 * at a steady concurrency, first alone and then while another process attacks it the ways the security
 * review found (bodies a byte at a time, 1,200 idle sockets, slowloris headers, a flood of unsigned ssl_check
 * commands). Prints legitimate p50/p99 with and without the attack and the server's peak RSS, against the
 * targets: p99 under attack within 3x of p99 without, peak RSS under 300 MB throughout. Bounded: fixed
 * durations, a global timeout, loopback only; every child is stopped at the end whatever happens.
 */
import { fork } from "node:child_process";
import { Pool } from "undici";
import { formatMs, percentile } from "./measure.js";
import { timeRequest, type ErrorTally } from "./load/sendLoad.js";
import { startServerProcess, type ServerProcess } from "./load/serverProcess.js";
import {
  botEnvironment,
  createDiscordKeys,
  discordInteraction,
  signedDiscordRequest,
  slackSlashCommand,
  type DiscordKeys,
  type SignedRequest,
} from "../tests/support/signedRequests.js";

/** Legitimate commands per second, sent on a fixed schedule: far more than a chat community sends, well under capacity. */
const RATE_PER_SECOND = 300;
/** Enough workers that a slow answer never delays the next scheduled request. */
const CONCURRENCY = 32;
const WARM_UP_SECONDS = 3;
/** Alone and under attack in turn, this many times, so drift in a shared machine's load lands on both alike. */
const ROUNDS = 3;
const MEASURE_SECONDS = 5;
const ATTACK_RAMP_SECONDS = 2;
const GLOBAL_TIMEOUT_MS = 150_000;
const TARGET_P99_RATIO = 3;
const TARGET_RSS_MB = 300;

interface Measured {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  errorSamples: string[];
}

let sequence = 0;
function nextRequest(keys: DiscordKeys): SignedRequest {
  const n = ++sequence;
  return n % 2 === 0
    ? slackSlashCommand("source", "minsk", `U${String(n).padStart(8, "0")}`)
    : signedDiscordRequest(keys.privateKey, discordInteraction("cite", { source: "mearsheimer" }, String(400_000_000_000_000_000n + BigInt(n))));
}

/**
 * Signed commands at RATE_PER_SECOND for `seconds`, on a fixed schedule over keep-alive connections, as Slack and
 * Discord would send them. Each latency counts from the request's scheduled time, so a server that falls behind
 * is charged for the wait too (no coordinated omission). Open-loop, so the CPU the attack costs the server shows
 * as latency, rather than the load generator and the attacker simply splitting a saturated machine.
 */
async function legitimateTraffic(port: number, keys: DiscordKeys, seconds: number): Promise<Sample> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 4_000 });
  const latencies: number[] = [];
  const tally: ErrorTally = { errors: 0, errorSamples: [] };
  const total = RATE_PER_SECOND * seconds;
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const scheduled = start + (next++ * 1000) / RATE_PER_SECOND;
      const wait = scheduled - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const behind = Math.max(0, performance.now() - scheduled);
      latencies.push(behind + (await timeRequest(pool, nextRequest(keys), tally)));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.close();
  return { latencies, seconds, ...tally };
}

interface Sample extends ErrorTally {
  latencies: number[];
  seconds: number;
}

/** Several samples' latencies pooled into one distribution. */
function pooled(samples: readonly Sample[]): Measured {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    errorSamples: samples.flatMap((sample) => sample.errorSamples).slice(0, 5),
  };
}

function startAttacker(port: number) {
  const child = fork(new URL("./load/attacker.ts", import.meta.url).pathname, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ATTACK_PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const stop = () =>
    new Promise<Record<string, number>>((resolve) => {
      const force = setTimeout(() => {
        child.kill("SIGKILL");
        resolve({});
      }, 3_000);
      child.once("message", (message: { stats: Record<string, number> }) => {
        clearTimeout(force);
        resolve(message.stats);
      });
      child.kill("SIGTERM");
    });
  return { child, stop };
}

const row = (name: string, result: Measured) =>
  `${name.padEnd(16)} ${result.requests.toString().padStart(7)} ${result.perSecond.toFixed(0).padStart(7)} ${formatMs(result.p50Ms).padStart(10)} ${formatMs(result.p99Ms).padStart(10)} ${String(result.errors).padStart(7)}${result.errorSamples.length ? `  e.g. ${result.errorSamples.join(", ")}` : ""}`;

async function main(): Promise<number> {
  const keys = createDiscordKeys();
  const env = botEnvironment(keys.publicKeyHex, { RATE_LIMIT: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "info" });
  let server: ServerProcess | undefined;
  let attacker: ReturnType<typeof startAttacker> | undefined;
  const timeout = setTimeout(() => {
    process.stderr.write(`attack benchmark: gave up after ${GLOBAL_TIMEOUT_MS / 1000} s\n`);
    attacker?.child.kill("SIGKILL");
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
  }, GLOBAL_TIMEOUT_MS);

  try {
    server = await startServerProcess(new URL("./load/botServer.ts", import.meta.url).pathname, env);
    await legitimateTraffic(server.port, keys, WARM_UP_SECONDS);
    const aloneSamples: Sample[] = [];
    const attackedSamples: Sample[] = [];
    const stats: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      aloneSamples.push(await legitimateTraffic(server.port, keys, MEASURE_SECONDS));
      attacker = startAttacker(server.port);
      await new Promise((resolve) => setTimeout(resolve, ATTACK_RAMP_SECONDS * 1000));
      attackedSamples.push(await legitimateTraffic(server.port, keys, MEASURE_SECONDS));
      for (const [name, value] of Object.entries(await attacker.stop())) stats[name] = (stats[name] ?? 0) + value;
      attacker = undefined;
    }
    aloneSamples.push(await legitimateTraffic(server.port, keys, MEASURE_SECONDS));
    const alone = pooled(aloneSamples);
    const attacked = pooled(attackedSamples);
    const peakRss = server.peakRssMb();

    const ratio = attacked.p99Ms / alone.p99Ms;
    const ratioMet = ratio <= TARGET_P99_RATIO && attacked.errors === 0;
    const rssMet = peakRss < TARGET_RSS_MB;
    const lines = [
      `Attack: signed Slack /source and Discord /cite commands, alternating, ${RATE_PER_SECOND} a second on a fixed schedule over keep-alive`,
      "connections (latency counted from each request's scheduled time),",
      `${MEASURE_SECONDS} s alone and ${MEASURE_SECONDS} s while a second process attacks (after ${ATTACK_RAMP_SECONDS} s to ramp up), in turn, ${ROUNDS} times, then alone`,
      "once more; each condition's latencies pooled. The attack: 1,200 idle sockets (each reopened a second after the server closes it),",
      "100 slowloris header tricklers, 8 bodies of 1 MB sent a byte per write (half with well-formed false signature headers),",
      "and 16 loops of unsigned ssl_check commands. Server, load and attacker share two cores.",
      "",
      `${"legitimate".padEnd(16)} ${"reqs".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(10)} ${"p99".padStart(10)} ${"errors".padStart(7)}`,
      row("alone", alone),
      row("under attack", attacked),
      "",
      `attacker: ${stats.connectionsOpened ?? "?"} connections opened, ${stats.connectionsCutByServer ?? "?"} closed by the server, ` +
        `${stats.bytesTrickled ?? "?"} body bytes sent one by one, ${stats.floodRequests ?? "?"} unsigned ssl_check commands (${stats.floodAnswered200 ?? "?"} answered with an empty 200)`,
      `legitimate p99 under attack / alone = ${ratio.toFixed(2)}x, errors ${attacked.errors} (target ≤ ${TARGET_P99_RATIO}x, no errors: ${ratioMet ? "met" : "MISSED"})`,
      `server peak RSS ${peakRss} MB, the kernel's high-water mark over the whole run (target < ${TARGET_RSS_MB} MB: ${rssMet ? "met" : "MISSED"})`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return ratioMet && rssMet ? 0 : 1;
  } finally {
    clearTimeout(timeout);
    if (attacker) await attacker.stop();
    await server?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`attack benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
