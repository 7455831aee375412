import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackApp, startSlackSocketMode } from "../../src/platforms/slack/index.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import {
  BOT_TOKEN,
  blockNetwork,
  blockText,
  captureLogs,
  MINSK_PASSAGE,
  postSigned,
  restoreNetwork,
  sharedKnowledge,
  slashCommandBody,
  startSlackTestServer,
} from "./slackHarness.js";

const APP_TOKEN = "xapp-1-A0001-1234567890-abcdef0123456789";

async function socketApp() {
  const kb = await sharedKnowledge();
  const logs = captureLogs();
  const slack = createSlackApp({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    registry: createCommandRegistry(() => kb),
    logger: logs.logger,
    mode: "socket",
  });
  return { slack, logs };
}

describe("Slack startup", () => {
  beforeEach(() => blockNetwork());
  afterEach(() => restoreNetwork());

  it("builds the app, in either mode, without calling Slack", async () => {
    const attempts: string[] = [];
    // Loopback requests (the test's own) pass through as "no match" too; only outside hosts count.
    const record = (request: { host?: string; path?: string }) => {
      if (!String(request.host).startsWith("127.0.0.1")) attempts.push(`${request.host}${request.path}`);
    };
    nock.emitter.on("no match", record);
    try {
      const { slack } = await socketApp();
      expect(slack.app).toBeDefined();
      const server = await startSlackTestServer();
      await postSigned(server.url, slashCommandBody("/source", "minsk"));
      await server.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      nock.emitter.removeListener("no match", record);
    }
    expect(attempts).toEqual([]);
  });

  it("Socket Mode with no network fails at once with one clear line, not a hang", async () => {
    const { slack, logs } = await socketApp();
    const started = Date.now();
    const failure = await startSlackSocketMode(slack, logs.logger, 5_000).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Slack Socket Mode could not connect \(.+\)\. Check SLACK_APP_TOKEN/);
    expect((failure as Error).message).not.toContain("\n");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logs.text()).not.toContain("xapp-");
  });

  it("Socket Mode with an invalid app token says so", async () => {
    nock("https://slack.com").post("/api/apps.connections.open").reply(200, { ok: false, error: "invalid_auth" });
    const { slack, logs } = await socketApp();
    await expect(startSlackSocketMode(slack, logs.logger, 5_000)).rejects.toThrow(/could not connect \(invalid_auth\)/);
  });

  it("Socket Mode gives up after the timeout when Slack never answers", async () => {
    nock("https://slack.com").post("/api/apps.connections.open").delay(10_000).reply(200, { ok: true, url: "wss://x" });
    const { slack, logs } = await socketApp();
    const started = Date.now();
    await expect(startSlackSocketMode(slack, logs.logger, 300)).rejects.toThrow(/could not connect \(no connection after/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a rejected bot token is one log line without the token, and slash commands still answer", async () => {
    nock("https://slack.com").post("/api/auth.test").reply(200, { ok: false, error: "invalid_auth" });
    const server = await startSlackTestServer();
    try {
      expect(await server.slack.checkToken()).toBe(false);
      const errors = server.logs.lines().filter((line) => line.level === 50);
      expect(errors).toHaveLength(1);
      expect(String(errors[0]!.msg)).toMatch(/Slack bot token check failed \(invalid_auth\).*SLACK_BOT_TOKEN/);
      expect(server.logs.text()).not.toContain(BOT_TOKEN);

      const response = await postSigned(server.url, slashCommandBody("/source", "minsk"));
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).toContain("Minsk accords (2014-2015)");
    } finally {
      await server.close();
    }
  });

  it("an unreachable Slack at token check is also one line, and the endpoint keeps answering", async () => {
    const server = await startSlackTestServer();
    try {
      expect(await server.slack.checkToken()).toBe(false);
      expect(server.logs.lines().filter((line) => line.level === 50)).toHaveLength(1);
      const response = await postSigned(server.url, slashCommandBody("/source", "minsk"));
      expect(blockText(((await response.json()) as { blocks: unknown[] }).blocks)).toContain(MINSK_PASSAGE);
    } finally {
      await server.close();
    }
  });

  it("a good token is remembered: the bot's ids come from auth.test", async () => {
    nock("https://slack.com")
      .post("/api/auth.test")
      .reply(200, { ok: true, team: "Debate Club", user_id: "UBOT", bot_id: "BBOT", team_id: "T0001" });
    const server = await startSlackTestServer();
    try {
      expect(await server.slack.checkToken()).toBe(true);
      expect(server.logs.text()).toContain("Slack bot token accepted");
    } finally {
      await server.close();
    }
  });
});

