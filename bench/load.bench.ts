/**
 * `npm run load`: the bot's HTTP server, started as in production with Slack and Discord in HTTP mode, under
 * 1,000 signed Slack slash commands and 1,000 signed Discord interactions at concurrency 50 over loopback,
 * beside a bare Node server that only verifies the same signatures. Each server runs in its own process so
 * its peak memory is its own. Bounded: fixed request counts, a global timeout, loopback only, and both
 * children are stopped at the end whatever happens.
 */
import { DEFAULT_REPLY_CACHE_SIZE } from "../src/commands/registry/replyCache.js";
import { formatMs } from "./measure.js";
import { sendLoad, type LoadResult } from "./load/sendLoad.js";
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

const REQUESTS_PER_PLATFORM = 1_000;
const WARM_UP_REQUESTS = 100;
/** Each server is measured this many times per platform, in turn with the others; the median round is shown. */
const ROUNDS = 5;
const CONCURRENCY = 50;
const GLOBAL_TIMEOUT_MS = 180_000;
const TARGET_THROUGHPUT_RATIO = 0.5;
const TARGET_RSS_MB = 200;

/** What people ask most: a source, a question, a citation, the thesis, in turn. */
const SLACK_COMMANDS: Array<[string, string]> = [
  ["source", "minsk"],
  ["ask", "why did the peace talks stall"],
  ["cite", "mearsheimer"],
  ["thesis", ""],
];
const DISCORD_COMMANDS: Array<[string, Record<string, string>]> = [
  ["source", { name: "minsk" }],
  ["ask", { question: "why did the peace talks stall" }],
  ["cite", { source: "mearsheimer" }],
  ["thesis", {}],
];

type Platform = "slack" | "discord";

function buildRequests(platform: Platform, count: number, keys: DiscordKeys): SignedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    if (platform === "slack") {
      const [command, text] = SLACK_COMMANDS[i % SLACK_COMMANDS.length]!;
      return slackSlashCommand(command, text, `U${String(i).padStart(8, "0")}`);
    }
    const [command, options] = DISCORD_COMMANDS[i % DISCORD_COMMANDS.length]!;
    return signedDiscordRequest(keys.privateKey, discordInteraction(command, options, String(300_000_000_000_000_000n + BigInt(i))));
  });
}

type Measured = LoadResult & {
  cpuMsPerRequest: number;
  /** Throughput of every round, in the order run, the median of which this result is. */
  roundsPerSecond?: number[];
};

/**
 * The server's own CPU time per request is measured beside throughput: on two cores the load generator
 * competes for the CPU, and this figure does not depend on it.
 */
async function measureOnce(server: ServerProcess, platform: Platform, keys: DiscordKeys): Promise<Measured> {
  const cpuBefore = server.cpuMs();
  const result = await sendLoad(server.port, buildRequests(platform, REQUESTS_PER_PLATFORM, keys), CONCURRENCY);
  return { ...result, cpuMsPerRequest: (server.cpuMs() - cpuBefore) / result.requests };
}

/** Both platforms' requests, so code the two share is warm before either is measured. */
async function warmUp(server: ServerProcess, keys: DiscordKeys): Promise<void> {
  for (const platform of ["slack", "discord"] as const) {
    await sendLoad(server.port, buildRequests(platform, WARM_UP_REQUESTS, keys), CONCURRENCY);
  }
}

/**
 * Each server in turn, ROUNDS times, so a burst of scheduling noise or a background compile lands on one
 * round rather than one server; the round with the median throughput stands for the server. A round is
 * a fraction of a second, so one round alone swings by a third from run to run.
 */
async function measureRounds<Name extends string>(servers: Record<Name, ServerProcess>, platform: Platform, keys: DiscordKeys): Promise<Record<Name, Measured>> {
  const rounds = new Map<Name, Measured[]>();
  const entries = Object.entries(servers) as Array<[Name, ServerProcess]>;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with the next server, so none is always measured first.
    for (let i = 0; i < entries.length; i++) {
      const [name, server] = entries[(round + i) % entries.length]!;
      rounds.set(name, [...(rounds.get(name) ?? []), await measureOnce(server, platform, keys)]);
    }
  }
  const median = (results: Measured[]) => [...results].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(results.length / 2)]!;
  return Object.fromEntries(
    [...rounds].map(([name, results]) => [name, { ...median(results), roundsPerSecond: results.map((result) => result.perSecond) }]),
  ) as Record<Name, Measured>;
}

/**
 * The median over rounds of one server's throughput over the bare server's in the same round: measured
 * rounds apart, the two would be at different stages of warming up (the bare server's Slack figure more
 * than doubles over five rounds), so each round is compared with itself.
 */
function pairedRatio(server: Measured, bare: Measured): number {
  const ratios = (server.roundsPerSecond ?? []).map((perSecond, round) => perSecond / bare.roundsPerSecond![round]!);
  return ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
}

const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);
const verdict = (met: boolean) => (met ? "met" : "MISSED");

function row(platform: string, server: string, result: Measured, rssMb: number): string {
  return [
    pad(platform, 9),
    pad(server, 8),
    padLeft(result.perSecond.toFixed(0), 8),
    padLeft(formatMs(result.p50Ms), 10),
    padLeft(formatMs(result.p99Ms), 10),
    padLeft(String(result.errors), 7),
    padLeft(Number.isNaN(rssMb) ? "n/a" : String(rssMb), 12),
    padLeft(Number.isNaN(result.cpuMsPerRequest) ? "n/a" : result.cpuMsPerRequest.toFixed(2), 12),
  ].join("  ");
}

async function main(): Promise<number> {
  const keys = createDiscordKeys();
  // The store in memory: this run measures the HTTP path; `npm run load:stores` compares the stores.
  const env = botEnvironment(keys.publicKeyHex, { RATE_LIMIT: "0", STORE: "memory", LOG_LEVEL: process.env.LOG_LEVEL ?? "info" });
  const servers: ServerProcess[] = [];
  const timeout = setTimeout(() => {
    process.stderr.write(`load benchmark: gave up after ${GLOBAL_TIMEOUT_MS / 1000} s\n`);
    void Promise.all(servers.map((server) => server.stop())).finally(() => process.exit(1));
  }, GLOBAL_TIMEOUT_MS);

  try {
    const botScript = new URL("./load/botServer.ts", import.meta.url).pathname;
    const ours = await startServerProcess(botScript, env);
    servers.push(ours);
    // The same server keeping no replies: what a question nobody asked before costs.
    const uncached = await startServerProcess(botScript, { ...env, REPLY_CACHE_SIZE: "0" });
    servers.push(uncached);
    const bare = await startServerProcess(new URL("./load/bareServer.ts", import.meta.url).pathname, env);
    servers.push(bare);

    for (const server of servers) await warmUp(server, keys);
    const results: Record<Platform, { ours: Measured; uncached: Measured; bare: Measured }> = {
      slack: await measureRounds({ ours, uncached, bare }, "slack", keys),
      discord: await measureRounds({ ours, uncached, bare }, "discord", keys),
    };
    const oursRss = ours.peakRssMb();
    const uncachedRss = uncached.peakRssMb();
    const bareRss = bare.peakRssMb();

    const lines = [
      `Load: ${REQUESTS_PER_PLATFORM.toLocaleString("en")} signed requests per platform and round, concurrency ${CONCURRENCY}, after ${WARM_UP_REQUESTS} of each`,
      `platform to warm up; ${ROUNDS} rounds, each server in turn. The table shows each server's median round; ratios are`,
      "the median over rounds of a server's throughput over the bare server's in the same round.",
      "Keep-alive connections over loopback. Each server is its own process; peak RSS is the kernel's high-water mark.",
      "Rate limit: OFF in the server under load (RATE_LIMIT=0), so every request does the full work.",
      `Commands, in turn: ${SLACK_COMMANDS.map(([c, t]) => `/${c}${t ? ` ${t}` : ""}`).join(", ")}; logging at ${env.LOG_LEVEL}, as in production.`,
      `"ours" is the production configuration: it answers these repeated commands from its reply cache`,
      `(REPLY_CACHE_SIZE=${DEFAULT_REPLY_CACHE_SIZE}). "no-cache" is the same server with REPLY_CACHE_SIZE=0: every request searches`,
      "and renders, as a question nobody asked before does.",
      "On two cores the load generator shares the CPU with the server, so the absolute figures understate both;",
      "only the ratio to the bare server is meaningful.",
      "",
      [pad("platform", 9), pad("server", 8), padLeft("req/s", 8), padLeft("p50", 10), padLeft("p99", 10), padLeft("errors", 7), padLeft("peak RSS MB", 12), padLeft("CPU ms/req", 12)].join("  "),
    ];
    for (const platform of ["slack", "discord"] as const) {
      lines.push(row(platform, "ours", results[platform].ours, oursRss));
      lines.push(row(platform, "no-cache", results[platform].uncached, uncachedRss));
      lines.push(row(platform, "bare", results[platform].bare, bareRss));
    }
    lines.push("");

    let allMet = true;
    for (const platform of ["slack", "discord"] as const) {
      const { ours: o, uncached: u, bare: b } = results[platform];
      const ratio = pairedRatio(o, b);
      const errorsMet = o.errors === 0 && u.errors === 0;
      const ratioMet = ratio >= TARGET_THROUGHPUT_RATIO;
      allMet &&= errorsMet && ratioMet;
      lines.push(
        `${pad(platform, 8)} throughput ours/bare = ${ratio.toFixed(2)} (target ≥ ${TARGET_THROUGHPUT_RATIO.toFixed(2)}: ${verdict(ratioMet)}); ` +
          `no-cache/bare = ${pairedRatio(u, b).toFixed(2)}; ` +
          `errors ${o.errors + u.errors} (target 0: ${verdict(errorsMet)})${[...o.errorSamples, ...u.errorSamples].length ? ` e.g. ${[...o.errorSamples, ...u.errorSamples].join(", ")}` : ""}; ` +
          `p99 ours/bare = ${(o.p99Ms / b.p99Ms).toFixed(1)}x`,
      );
    }
    const rssMet = oursRss < TARGET_RSS_MB && uncachedRss < TARGET_RSS_MB;
    allMet &&= rssMet;
    lines.push("", "req/s of each round, in order (all three processes warm up as the rounds go on):");
    for (const platform of ["slack", "discord"] as const) {
      for (const [name, result] of Object.entries(results[platform])) {
        lines.push(`  ${pad(platform, 8)} ${pad(name === "uncached" ? "no-cache" : name, 8)} ${(result.roundsPerSecond ?? []).map((value) => value.toFixed(0).padStart(6)).join(" ")}`);
      }
    }
    lines.push(`peak RSS ours ${oursRss} MB, no-cache ${uncachedRss} MB, bare ${bareRss} MB (target < ${TARGET_RSS_MB} MB: ${verdict(rssMet)})`);
    process.stdout.write(`${lines.join("\n")}\n`);
    return allMet ? 0 : 1;
  } finally {
    clearTimeout(timeout);
    await Promise.all(servers.map((server) => server.stop()));
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
