/**
 * `npm run load`: the bot's HTTP server, started as in production with Slack and Discord in HTTP mode, under
 * 1,000 signed Slack slash commands and 1,000 signed Discord interactions at concurrency 50 over loopback,
 * beside a bare Node server that only verifies the same signatures. Each server runs in its own process so
 * its peak memory is its own. Bounded: fixed request counts, a global timeout, loopback only, and both
 * children are stopped at the end whatever happens.
 */
import { DEFAULT_REPLY_CACHE_SIZE } from "../src/commands/replyCache.js";
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
} from "./load/signedRequests.js";

const REQUESTS_PER_PLATFORM = 1_000;
const WARM_UP_REQUESTS = Number(process.env.WARM ?? 100);
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

type Measured = LoadResult & { cpuMsPerRequest: number };

/**
 * The server's own CPU time per request is measured beside throughput: on two cores the load generator
 * competes for the CPU, and this figure does not depend on it.
 */
async function measure(server: ServerProcess, platform: Platform, keys: DiscordKeys): Promise<Measured> {
  await sendLoad(server.port, buildRequests(platform, WARM_UP_REQUESTS, keys), CONCURRENCY);
  const cpuBefore = server.cpuMs();
  const result = await sendLoad(server.port, buildRequests(platform, REQUESTS_PER_PLATFORM, keys), CONCURRENCY);
  return { ...result, cpuMsPerRequest: (server.cpuMs() - cpuBefore) / result.requests };
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
  const env = botEnvironment(keys.publicKeyHex, { RATE_LIMIT: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "info" });
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

    const results: Record<Platform, { ours: Measured; uncached: Measured; bare: Measured }> = {
      slack: { ours: await measure(ours, "slack", keys), uncached: await measure(uncached, "slack", keys), bare: await measure(bare, "slack", keys) },
      discord: {
        ours: await measure(ours, "discord", keys),
        uncached: await measure(uncached, "discord", keys),
        bare: await measure(bare, "discord", keys),
      },
    };
    const oursRss = ours.peakRssMb();
    const uncachedRss = uncached.peakRssMb();
    const bareRss = bare.peakRssMb();

    const lines = [
      `Load: ${REQUESTS_PER_PLATFORM.toLocaleString("en")} signed requests per platform (after ${WARM_UP_REQUESTS} warm-up), concurrency ${CONCURRENCY},`,
      "keep-alive connections over loopback. Each server is its own process; peak RSS is the kernel's high-water mark.",
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
      const ratio = o.perSecond / b.perSecond;
      const errorsMet = o.errors === 0 && u.errors === 0;
      const ratioMet = ratio >= TARGET_THROUGHPUT_RATIO;
      allMet &&= errorsMet && ratioMet;
      lines.push(
        `${pad(platform, 8)} throughput ours/bare = ${ratio.toFixed(2)} (target ≥ ${TARGET_THROUGHPUT_RATIO.toFixed(2)}: ${verdict(ratioMet)}); ` +
          `no-cache/bare = ${(u.perSecond / b.perSecond).toFixed(2)}; ` +
          `errors ${o.errors + u.errors} (target 0: ${verdict(errorsMet)})${[...o.errorSamples, ...u.errorSamples].length ? ` e.g. ${[...o.errorSamples, ...u.errorSamples].join(", ")}` : ""}; ` +
          `p99 ours/bare = ${(o.p99Ms / b.p99Ms).toFixed(1)}x`,
      );
    }
    const rssMet = oursRss < TARGET_RSS_MB && uncachedRss < TARGET_RSS_MB;
    allMet &&= rssMet;
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
