import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// ws comes with @slack/socket-mode; it stands in for Slack's Socket Mode server on loopback.
import { WebSocketServer, type WebSocket } from "ws";
import { createSlackApp, startSlackSocketMode, type SlackApp } from "../../src/platforms/slack/index.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { capturePostMessages, eventCallback } from "./slackEvents.js";
import { BOT_TOKEN, blockNetwork, blockText, captureLogs, MINSK_PASSAGE, restoreNetwork, sharedKnowledge, waitFor } from "./slackHarness.js";

describe("Slack over Socket Mode, against a loopback stand-in for Slack", () => {
  let wss: WebSocketServer;
  let slack: SlackApp | undefined;
  let socket: Promise<WebSocket>;

  beforeEach(async () => {
    blockNetwork();
    wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    socket = new Promise((resolve) =>
      wss.once("connection", (ws) => {
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "test" } }));
        resolve(ws);
      }),
    );
    const { port } = wss.address() as AddressInfo;
    // The probe and Bolt's own connection each open a connection URL.
    nock("https://slack.com")
      .post("/api/apps.connections.open")
      .times(2)
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link` });
  });

  afterEach(async () => {
    await slack?.app.stop().catch(() => undefined);
    slack = undefined;
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    restoreNetwork();
  });

  it("connects, and answers /source minsk in the acknowledgement sent back over the socket", async () => {
    const kb = await sharedKnowledge();
    const logs = captureLogs();
    nock("https://slack.com").post("/api/auth.test").reply(200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team: "Debate Club" });
    slack = createSlackApp({
      botToken: BOT_TOKEN,
      appToken: "xapp-1-A0001-1-abc",
      registry: createCommandRegistry(() => kb),
      logger: logs.logger,
      mode: "socket",
    });
    await startSlackSocketMode(slack, logs.logger, 5_000);
    const ws = await socket;

    const acked = new Promise<{ envelope_id: string; payload: { response_type: string; blocks: unknown[] } }>((resolve) =>
      ws.on("message", (data) => resolve(JSON.parse(String(data)))),
    );
    ws.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          token: "x", team_id: "T0001", team_domain: "debate-club", channel_id: "C0001", channel_name: "general",
          user_id: "U0001", user_name: "dana", command: "/source", text: "minsk", api_app_id: "A0001",
          response_url: "https://hooks.slack.com/commands/T0001/1/x", trigger_id: "1",
        },
      }),
    );
    const ack = await acked;
    expect(ack.envelope_id).toBe("env-1");
    expect(ack.payload.response_type).toBe("ephemeral");
    expect(blockText(ack.payload.blocks)).toContain(`>${MINSK_PASSAGE}`);
    expect(logs.text()).toContain("Slack connected over Socket Mode");
  });

  it("answers a mention delivered over the socket in its thread, and its retry not again", async () => {
    const kb = await sharedKnowledge();
    const logs = captureLogs();
    const posted = capturePostMessages();
    slack = createSlackApp({ botToken: BOT_TOKEN, appToken: "xapp-1-A0001-1-abc", registry: createCommandRegistry(() => kb), logger: logs.logger, mode: "socket" });
    await startSlackSocketMode(slack, logs.logger, 5_000);
    const ws = await socket;
    const acks: string[] = [];
    ws.on("message", (data) => acks.push((JSON.parse(String(data)) as { envelope_id: string }).envelope_id));
    const { body, ts } = eventCallback({ type: "app_mention", text: "<@U0BOT0001> what happened to the Minsk accords?" });
    const envelope = (id: string, retry: number) =>
      JSON.stringify({ envelope_id: id, type: "events_api", accepts_response_payload: false, retry_attempt: retry, retry_reason: retry ? "timeout" : "", payload: body });
    ws.send(envelope("env-e1", 0));
    await waitFor(() => posted.length === 1);
    expect(posted[0]).toMatchObject({ channel: "C0001", thread_ts: ts });
    expect(blockText(posted[0]!.blocks)).toContain(MINSK_PASSAGE);
    ws.send(envelope("env-e2", 1));
    await waitFor(() => acks.includes("env-e2"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(acks).toEqual(["env-e1", "env-e2"]);
    expect(posted).toHaveLength(1);
  });
});
