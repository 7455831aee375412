import { spawn } from "node:child_process";
import { slackSignature } from "../support/signedRequests.js";
import { describe, expect, it } from "vitest";

const MINSK = "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
const FAKE_BOT_TOKEN = "xoxb-000-111-FAKEBOTTOKENNEVERLOGGED";
const FAKE_SIGNING_SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e7aa";
const PLATFORM_VARIABLES = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "DISCORD_TOKEN",
  "DISCORD_APPLICATION_ID",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_GUILD_ID",
  "PORT",
  "LOG_LEVEL",
  "RATE_LIMIT",
  "KNOWLEDGE_DIR",
];

/**
 * The environment for a spawned bot: every platform variable set (empty unless given), so a developer's own
 * `.env` cannot switch the mode under test (dotenv never overrides a variable that is already set).
 */
function botEnvironment(variables: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of PLATFORM_VARIABLES) env[name] = "";
  // Anything that tries to leave the machine goes to a closed loopback port instead.
  Object.assign(env, { HTTPS_PROXY: "http://127.0.0.1:9", https_proxy: "http://127.0.0.1:9", NO_PROXY: "", no_proxy: "" });
  return { ...env, ...variables };
}

/** `node --import tsx`, not `npx tsx`: signals then reach the bot itself, as `node dist/bin/main.js` in Docker. */
function startBot(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/bin/main.ts"], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("npm start", () => {
  it("with no platform configured, answers piped lines on stdout and exits 0 at end of input", async () => {
    const bot = startBot(botEnvironment());
    bot.child.stdin.end("/source minsk\nwhy did the istanbul talks fail\n");
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toContain("> /source minsk");
    expect(bot.stdout()).toContain(MINSK);
    expect(bot.stdout()).toContain("> why did the istanbul talks fail");
    expect(bot.stdout()).toContain("Bucha");
    // Logs go to stderr at warn level, so the transcript is clean and nothing is logged on a good run.
    expect(bot.stdout()).not.toContain('"level"');
    expect(bot.stderr()).toBe("");
  }, 15_000);

  it("refuses a bad configuration with one line per problem and exit 1", async () => {
    const bot = startBot(botEnvironment({ SLACK_BOT_TOKEN: "xoxp-FAKEUSERTOKEN", SLACK_APP_TOKEN: "xapp-1", DISCORD_PUBLIC_KEY: "abc" }));
    bot.child.stdin.end();
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^Configuration error: SLACK_BOT_TOKEN must start with "xoxb-"/),
      expect.stringMatching(/^Configuration error: DISCORD_PUBLIC_KEY must be 64 hexadecimal characters/),
      "See .env.example for every variable.",
    ]);
    expect(bot.stderr()).not.toContain("FAKEUSERTOKEN");
    expect(bot.stdout()).toBe("");
  }, 15_000);

  it("refuses a mistyped KNOWLEDGE_DIR with one line and exit 1, before starting anything", async () => {
    const bot = startBot(botEnvironment({ KNOWLEDGE_DIR: "knowlege" }));
    bot.child.stdin.end("/source minsk\n");
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: KNOWLEDGE_DIR "knowlege" \(.*knowlege\) does not exist: set KNOWLEDGE_DIR/)]);
    expect(bot.stdout()).toBe("");
  }, 15_000);

  it("in HTTP mode serves health and a signed Slack command on one port, logs it without secrets, and stops on SIGTERM", async () => {
    const bot = startBot(
      botEnvironment({
        PORT: "0",
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
        DISCORD_PUBLIC_KEY: "c".repeat(64),
        DISCORD_APPLICATION_ID: "123456789012345678",
      }),
    );
    try {
      const port = await waitFor(() => /"port":(\d+)[^\n]*"msg":"listening"/.exec(bot.stdout())?.[1], 20_000);
      const base = `http://127.0.0.1:${port}`;

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", documents: 1, passages: expect.any(Number), errors: 0, store: { backend: "sqlite", status: "ok" } });
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);

      const body = new URLSearchParams({
        command: "/source",
        text: "minsk",
        user_id: "U123",
        user_name: "dana",
        channel_id: "C123",
        team_id: "T123",
        response_url: "https://hooks.slack.com/commands/T123/1/abc",
        trigger_id: "1.2.3",
      }).toString();
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = slackSignature(FAKE_SIGNING_SECRET, timestamp, body);
      const answered = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": timestamp,
          "x-slack-signature": signature,
        },
        body,
      });
      expect(answered.status).toBe(200);
      expect(await answered.text()).toContain("Minsk accords (2014-2015)");

      const unsigned = await fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      expect(unsigned.status).toBe(401);
      const oversized = await fetch(`${base}/discord/interactions`, { method: "POST", body: Buffer.alloc(2 * 1024 * 1024) });
      expect(oversized.status).toBe(413);

      const commandLine = await waitFor(() => bot.stdout().split("\n").find((line) => line.includes('"msg":"command"')), 5_000);
      expect(JSON.parse(commandLine)).toMatchObject({ command: "source", platform: "slack", outcome: "answer", durationMs: expect.any(Number) });

      const stoppingAt = Date.now();
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(Date.now() - stoppingAt).toBeLessThan(10_000);
      expect(bot.stdout()).toContain('"msg":"stopped"');
      const everything = bot.stdout() + bot.stderr();
      expect(everything).not.toContain(FAKE_BOT_TOKEN);
      expect(everything).not.toContain(FAKE_SIGNING_SECRET);
      expect(everything).not.toContain(signature);
    } finally {
      bot.child.kill("SIGKILL");
    }
  }, 40_000);
});
