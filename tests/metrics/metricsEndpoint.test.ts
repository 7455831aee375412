/**
 * GET /metrics on the bot's one HTTP server, started as `npm start` starts it (configuration read from variables,
 * every platform's routes), with Slack commands signed as Slack signs them.
 */
import { describe, expect, it } from "vitest";
import type { Environment } from "../../src/config/loadConfig.js";
import type { PlatformServer } from "../../src/app/servePlatforms.js";
import { SLACK_SIGNING_SECRET } from "../support/signedRequests.js";
import { postSigned as postSignedWith, slashCommandBody } from "../slack/slackHarness.js";
import { useBotServer } from "../support/botServer.js";

const METRICS_TOKEN = "scrape-token-0123456789abcdef";
const SLACK = { SLACK_BOT_TOKEN: "xoxb-1-2-fake", SLACK_SIGNING_SECRET };
const postSigned = (url: string, body: string) => postSignedWith(url, body, { secret: SLACK_SIGNING_SECRET });

const startBot = useBotServer();
let platforms: PlatformServer | undefined;

/** The bot from these variables; commands limited to 2 per user per minute. */
async function start(env: Environment): Promise<string> {
  const bot = await startBot(env, { rateLimit: { limit: 2, windowMs: 60_000 } });
  platforms = bot.platforms;
  return bot.base;
}

/** The value of one series in the exposition text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics with METRICS=on", () => {
  it("counts a signed Slack command by name, platform and outcome, times it, and shows the knowledge and store", async () => {
    const base = await start({ ...SLACK, METRICS: "on" });
    const before = await fetch(`${base}/metrics`);
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const answered = 'ground_truth_commands_total{command="source",platform="slack",outcome="answer"}';
    expect(sample(await before.text(), answered)).toBeUndefined();

    const response = await postSigned(`${base}/slack/events`, slashCommandBody("/source", "minsk"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Minsk accords");

    const after = await (await fetch(`${base}/metrics`)).text();
    expect(sample(after, answered)).toBe(1);
    expect(sample(after, 'ground_truth_command_duration_seconds_count{command="source",platform="slack"}')).toBe(1);
    expect(sample(after, 'ground_truth_command_duration_seconds_bucket{le="+Inf",command="source",platform="slack"}')).toBe(1);
    expect(sample(after, 'ground_truth_store_up{backend="memory"}')).toBe(1);
    expect(sample(after, "ground_truth_knowledge_documents")).toBe(1);
    expect(sample(after, "ground_truth_knowledge_passages")).toBeGreaterThan(10);
    expect(sample(after, "ground_truth_knowledge_errors")).toBe(0);
    // prom-client's default process metrics, under their usual names.
    expect(sample(after, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("counts responses by route and status (a refused signature is a 401), knowledge loads and each store call", async () => {
    const base = await start({ ...SLACK, METRICS: "on" });
    expect((await postSigned(`${base}/slack/events`, slashCommandBody("/source", "minsk"))).status).toBe(200);
    const forged = await postSignedWith(`${base}/slack/events`, slashCommandBody("/source", "minsk"), { secret: "f".repeat(32) });
    expect(forged.status).toBe(401);
    expect((await fetch(`${base}/made-up/path`, { method: "POST" })).status).toBe(404);

    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'ground_truth_http_responses_total{route="/slack/events",status="200"}')).toBe(1);
    expect(sample(text, 'ground_truth_http_responses_total{route="/slack/events",status="401"}')).toBe(1);
    // A path a client made up is never a label of its own.
    expect(sample(text, 'ground_truth_http_responses_total{route="other",status="404"}')).toBe(1);
    expect(text).not.toContain("made-up");
    expect(sample(text, 'ground_truth_knowledge_reloads_total{outcome="ok"}')).toBe(1);
    // The rate limit took one window for the answered command (the forged one never reached it).
    expect(sample(text, 'ground_truth_store_call_duration_seconds_count{group="rateLimits",operation="take",outcome="ok"}')).toBe(1);
  });

  it("labels a command the bot does not have as unknown and a refused one as rate-limited, never with who or what was typed", async () => {
    const base = await start({ ...SLACK, METRICS: "on" });
    await postSigned(`${base}/slack/events`, slashCommandBody("/source", "minsk"));
    await postSigned(`${base}/slack/events`, slashCommandBody("/made-up-by-a-user", "secret question text"));
    // The third command within the window (the limit is 2) is refused before it runs.
    await postSigned(`${base}/slack/events`, slashCommandBody("/source", "minsk"));

    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'ground_truth_commands_total{command="unknown",platform="slack",outcome="error"}')).toBe(1);
    expect(sample(text, 'ground_truth_commands_total{command="source",platform="slack",outcome="rate-limited"}')).toBe(1);
    expect(sample(text, 'ground_truth_commands_total{command="source",platform="slack",outcome="answer"}')).toBe(1);
    for (const leaked of ["U0001", "dana", "T0001", "C0001", "made-up", "secret question", "minsk"]) expect(text).not.toContain(leaked);
  });

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    const base = await start({ ...SLACK, METRICS: "on", METRICS_TOKEN });
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("ground_truth_");
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${base}/metrics`, { headers: { authorization: `Basic ${METRICS_TOKEN}` } });
    expect(basic.status).toBe(401);
    const right = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("ground_truth_knowledge_documents 1");
  });

  it("takes GET and HEAD only", async () => {
    const base = await start({ ...SLACK, METRICS: "on" });
    const posted = await fetch(`${base}/metrics`, { method: "POST", body: "x" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    expect((await fetch(`${base}/metrics`, { method: "HEAD" })).status).toBe(200);
    // The platforms' routes still take POST only.
    expect((await fetch(`${base}/slack/events`)).status).toBe(405);
  });
});

describe("GET /metrics with METRICS off (the default)", () => {
  for (const env of [{}, { METRICS: "off" }]) {
    it(`is not routed: 404 (${JSON.stringify(env)})`, async () => {
      const base = await start({ ...SLACK, ...env });
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("ground_truth_");
      expect(platforms!.paths).not.toContain("/metrics");
      // Commands are answered all the same.
      expect((await postSigned(`${base}/slack/events`, slashCommandBody("/source", "minsk"))).status).toBe(200);
    });
  }
});
