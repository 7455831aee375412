import { getGlobalDispatcher, MockAgent, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discordInteractionBase, discordSignature, createDiscordKeys, nowSeconds } from "../support/signedRequests.js";
import { loadConfig } from "../../src/config/loadConfig.js";
import { ConnectionBoard, keepConnecting } from "../../src/app/keepConnecting.js";
import { KnowledgeStore } from "../../src/app/knowledgeStore.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { servePlatforms, type PlatformServer } from "../../src/app/servePlatforms.js";
import { trackCommandsInFlight } from "../../src/app/trackCommandsInFlight.js";
import { blockNetwork, captureLogs, restoreNetwork } from "../slack/slackHarness.js";

const DISCORD_TOKEN = "MTExMTExMTExMTExMTExMTEx.GaBcDe.fakefakefakefakefakefakefakefakefake";
const keys = createDiscordKeys();

describe("keepConnecting", () => {
  it("retries a failed connection with growing waits, shows why on the board, and stops when told", async () => {
    const board = new ConnectionBoard();
    const logs = captureLogs();
    let attempts = 0;
    let stopped = 0;
    const kept = keepConnecting({
      name: "discord-gateway",
      board,
      logger: logs.logger,
      backoff: { initialMs: 20, maxMs: 40, random: () => 0.5 },
      connect: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error(`Discord gateway login failed (attempt ${attempts}).`);
        return { stop: async () => void (stopped += 1) };
      },
    });
    expect(board.report()["discord-gateway"]).toMatchObject({ status: "connecting" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(board.degraded).toBe(true);
    expect(board.report()["discord-gateway"]).toMatchObject({ status: "retrying", reason: "Discord gateway login failed (attempt 1).", failures: 1 });
    await kept.connected;
    expect(attempts).toBe(3);
    expect(board.report()["discord-gateway"]).toEqual({ status: "connected", failures: 0 });
    expect(board.degraded).toBe(false);
    const warnings = logs.lines().filter((line) => line.level === 40);
    expect(warnings.map((line) => line.msg)).toEqual([
      "Discord gateway login failed (attempt 1). Trying again in 1 s; the other adapters keep serving.",
      "Discord gateway login failed (attempt 2). Trying again in 1 s; the other adapters keep serving.",
    ]);
    await kept.stop();
    expect(stopped).toBe(1);
  });

  it("stops retrying once stopped, connecting nothing more", async () => {
    const board = new ConnectionBoard();
    let attempts = 0;
    const kept = keepConnecting({
      name: "slack-socket",
      board,
      logger: captureLogs().logger,
      backoff: { initialMs: 30 },
      connect: async () => {
        attempts += 1;
        throw new Error("Slack Socket Mode could not connect (invalid_auth).");
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await kept.stop();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(attempts).toBe(1);
  });
});

describe("a platform that cannot connect at start", () => {
  let previous: Dispatcher;
  let agent: MockAgent;
  let platforms: PlatformServer | undefined;
  let store: KnowledgeStore | undefined;

  beforeEach(() => {
    blockNetwork();
    // discord.js's REST goes through undici's global dispatcher: Discord refuses the token there.
    previous = getGlobalDispatcher();
    agent = new MockAgent();
    agent.disableNetConnect();
    agent.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);
    agent
      .get("https://discord.com")
      .intercept({ path: (path: string) => path.startsWith("/api/v10/gateway"), method: "GET" })
      .reply(401, { message: "401: Unauthorized", code: 0 }, { headers: { "content-type": "application/json" } })
      .persist();
    setGlobalDispatcher(agent);
  });

  afterEach(async () => {
    await platforms?.close(1_000);
    await store?.close();
    platforms = undefined;
    setGlobalDispatcher(previous);
    await agent.close();
    restoreNetwork();
  });

  it("keeps the HTTP endpoints serving and says in /healthz which adapter is down and why", async () => {
    const result = loadConfig({
      PORT: "0",
      DISCORD_TOKEN,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      SLACK_BOT_TOKEN: "xoxb-1-2-fake",
      SLACK_APP_TOKEN: "xapp-1-A1-2-fake",
    });
    if (!result.ok) throw new Error(result.problems.join(" "));
    const logs = captureLogs();
    store = await KnowledgeStore.open("knowledge", { watch: false });
    const registry = createBotRegistry({ knowledge: () => store!.get(), logger: logs.logger, rateLimit: null });
    platforms = await servePlatforms({
      config: result.config,
      registry,
      store,
      logger: logs.logger,
      inFlight: trackCommandsInFlight(),
      host: "127.0.0.1",
      connections: { backoff: { initialMs: 50, maxMs: 100 } },
    });
    const base = `http://127.0.0.1:${platforms.port}`;

    // Both attempts fail fast (the network is blocked; Discord says 401), and are retried in the background.
    let health: any;
    for (let tries = 0; tries < 100; tries++) {
      health = await (await fetch(`${base}/healthz`)).json();
      const adapters = Object.values(health.adapters ?? {}) as Array<{ status: string }>;
      if (adapters.length === 2 && adapters.every((adapter) => adapter.status === "retrying")) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(health).toMatchObject({
      status: "degraded",
      documents: 1,
      adapters: {
        "discord-gateway": { status: "retrying", reason: expect.stringMatching(/^Discord gateway login failed \(.*\)\. Check DISCORD_TOKEN/), failures: expect.any(Number) },
        "slack-socket": { status: "retrying", reason: expect.stringMatching(/^Slack Socket Mode could not connect/), failures: expect.any(Number) },
      },
    });
    expect(JSON.stringify(health)).not.toContain(DISCORD_TOKEN);

    // Discord's HTTP interactions still answer.
    const body = JSON.stringify({ ...discordInteractionBase("1300000000000000001", "222222222222222222"), type: 2, data: { id: "5", type: 1, name: "source", options: [{ name: "name", type: 3, value: "minsk" }] } });
    const timestamp = String(nowSeconds());
    const answered = await fetch(`${base}/discord/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": discordSignature(keys.privateKey, timestamp, body), "x-signature-timestamp": timestamp },
      body,
    });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain("Minsk accords");

    // It keeps trying: more than one failure each, one warning line per attempt.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = (await (await fetch(`${base}/healthz`)).json()) as { adapters: Record<string, { failures: number }> };
    expect(later.adapters["discord-gateway"]?.failures).toBeGreaterThan(1);
    expect(logs.text()).not.toContain(DISCORD_TOKEN);
  }, 20_000);
});
