/**
 * `npm run load:stores`: what the shared store costs under load. The bot's HTTP server (as `npm run load` starts
 * it, Slack and Discord in HTTP mode) with its state in memory (the baseline), in SQLite, in Redis, and as two
 * instances sharing Redis with the load split between them, all in the same run, in turn, for signed Slack
 * commands and Discord interactions. The per-user limit is on (every request a new user, so none is refused):
 * each request takes a rate-limit window and records its replay key, two store operations. Each server is its own
 * process; Redis is a real redis-server on a free loopback port. Bounded: fixed counts, a global timeout.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRedisServer, type RedisServer } from "../tests/support/redisServer.js";
import { formatMs } from "./measure.js";
import { sendLoad, type LoadResult } from "./load/sendLoad.js";
import { startServerProcess, type ServerProcess } from "./load/serverProcess.js";
import { botEnvironment, createDiscordKeys, discordInteraction, signedDiscordRequest, slackSlashCommand, type DiscordKeys, type SignedRequest } from "../tests/support/signedRequests.js";

const REQUESTS = 1_000;
const WARM_UP = 100;
const ROUNDS = 3;
const CONCURRENCY = 50;
const GLOBAL_TIMEOUT_MS = 300_000;
/** The shared store may cost at most this share of the in-memory run's throughput. */
const MAX_COST = 0.2;

type Platform = "slack" | "discord";
let users = 0;
function requests(platform: Platform, count: number, keys: DiscordKeys): SignedRequest[] {
  return Array.from({ length: count }, () => {
    const user = ++users;
    return platform === "slack"
      ? slackSlashCommand("source", "minsk", `U${String(user).padStart(9, "0")}`)
      : signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, String(400_000_000_000_000_000n + BigInt(user))));
  });
}

/** A row: one server, or several sharing the load (requests dealt out in turn, sent at once). */
interface Setup {
  name: string;
  servers: ServerProcess[];
}

type Measured = LoadResult & { cpuMsPerRequest: number };

async function measure(setup: Setup, platform: Platform, keys: DiscordKeys, count = REQUESTS): Promise<Measured> {
  const all = requests(platform, count, keys);
  const shares = setup.servers.map((_, i) => all.filter((__, j) => j % setup.servers.length === i));
  const cpuBefore = setup.servers.reduce((sum, server) => sum + server.cpuMs(), 0);
  const started = performance.now();
  const results = await Promise.all(setup.servers.map((server, i) => sendLoad(server.port, shares[i]!, Math.ceil(CONCURRENCY / setup.servers.length))));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = setup.servers.reduce((sum, server) => sum + server.cpuMs(), 0) - cpuBefore;
  return {
    requests: count,
    seconds,
    perSecond: count / seconds,
    // Percentiles of the slowest share: a conservative stand-in for the whole.
    p50Ms: Math.max(...results.map((result) => result.p50Ms)),
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    errorSamples: results.flatMap((result) => result.errorSamples),
    cpuMsPerRequest: cpuMs / count,
  };
}

async function main(): Promise<number> {
  const keys = createDiscordKeys();
  const dir = mkdtempSync(join(tmpdir(), "gt-load-stores-"));
  const started: ServerProcess[] = [];
  let redis: RedisServer | undefined;
  const timeout = setTimeout(() => {
    process.stderr.write(`store load benchmark: gave up after ${GLOBAL_TIMEOUT_MS / 1000} s\n`);
    void Promise.all(started.map((server) => server.stop())).finally(() => process.exit(1));
  }, GLOBAL_TIMEOUT_MS);
  try {
    redis = await startRedisServer();
    const env = botEnvironment(keys.publicKeyHex, { RATE_LIMIT: "100/10s", LOG_LEVEL: process.env.LOG_LEVEL ?? "info", REDIS_URL: "", DATA_DIR: "" });
    const script = new URL("./load/botServer.ts", import.meta.url).pathname;
    const start = async (extra: Record<string, string>) => {
      const server = await startServerProcess(script, { ...env, ...extra });
      started.push(server);
      return server;
    };
    const setups: Setup[] = [
      { name: "memory", servers: [await start({ STORE: "memory" })] },
      { name: "sqlite", servers: [await start({ STORE: "sqlite", DATA_DIR: join(dir, "data") })] },
      { name: "redis", servers: [await start({ STORE: "redis", REDIS_URL: redis.url })] },
      { name: "2x redis", servers: [await start({ STORE: "redis", REDIS_URL: redis.url }), await start({ STORE: "redis", REDIS_URL: redis.url })] },
    ];
    for (const setup of setups) for (const platform of ["slack", "discord"] as const) await measure(setup, platform, keys, WARM_UP);

    const rounds = new Map<string, Measured[]>();
    for (const platform of ["slack", "discord"] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < setups.length; i++) {
          const setup = setups[(round + i) % setups.length]!;
          const key = `${platform} ${setup.name}`;
          rounds.set(key, [...(rounds.get(key) ?? []), await measure(setup, platform, keys)]);
        }
      }
    }
    const median = (results: Measured[]) => [...results].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(results.length / 2)]!;
    const lines = [
      `Store load: ${REQUESTS} signed requests per round (/source minsk, each from a new user), concurrency ${CONCURRENCY} in all,`,
      `${ROUNDS} rounds per platform, the setups in turn; median round shown. RATE_LIMIT=100/10s (never refused here), so every`,
      "request takes a rate-limit window and records its replay key in the store. \"2x redis\" is two processes on one",
      "redis-server with the requests dealt out between them. On two cores the load generator and the servers share the CPU.",
      "",
      ["platform", "store   ", "   req/s", "       p50", "       p99", " errors", "  CPU ms/req", "  vs memory"].join("  "),
    ];
    let allMet = true;
    for (const platform of ["slack", "discord"] as const) {
      const baseline = median(rounds.get(`${platform} memory`)!);
      for (const setup of setups) {
        const result = median(rounds.get(`${platform} ${setup.name}`)!);
        const ratio = result.perSecond / baseline.perSecond;
        if (setup.name !== "memory") allMet &&= ratio >= 1 - MAX_COST;
        allMet &&= result.errors === 0;
        lines.push(
          [
            platform.padEnd(8),
            setup.name.padEnd(8),
            result.perSecond.toFixed(0).padStart(8),
            formatMs(result.p50Ms).padStart(10),
            formatMs(result.p99Ms).padStart(10),
            String(result.errors).padStart(7),
            (Number.isNaN(result.cpuMsPerRequest) ? "n/a" : result.cpuMsPerRequest.toFixed(2)).padStart(12),
            (setup.name === "memory" ? "" : `${ratio.toFixed(2)}`).padStart(11),
          ].join("  ") + (result.errorSamples.length ? `  e.g. ${result.errorSamples.slice(0, 3).join(", ")}` : ""),
        );
      }
    }
    lines.push(
      "",
      "The store's share of each request is the CPU ms/req above the memory row (the same work otherwise).",
      `Targets: 0 errors; the shared stores at least ${(1 - MAX_COST).toFixed(2)} of the memory run's throughput: ${allMet ? "met" : "MISSED"}.`,
      `req/s of each round: ${[...rounds].map(([key, results]) => `${key} ${results.map((result) => result.perSecond.toFixed(0)).join("/")}`).join("; ")}`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
    return allMet ? 0 : 1;
  } finally {
    clearTimeout(timeout);
    await Promise.all(started.map((server) => server.stop()));
    await redis?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`store load benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
