import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { createSlackApp } from "../../src/platforms/slack/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { textLength } from "../../src/platforms/slack/render.js";
import { SLACK_BUTTON_VALUE_MAX, SLACK_MAX_BLOCKS, SLACK_MESSAGE_TEXT_BUDGET } from "../../src/platforms/slack/limits.js";
import {
  BOT_TOKEN,
  blockNetwork,
  blockText,
  buttonClick,
  captureLogs,
  captureResponseUrl,
  interactionBody,
  postSigned,
  restoreNetwork,
  SIGNING_SECRET,
  sharedKnowledge,
  useSlackTestServer,
  waitFor,
} from "./slackHarness.js";
import { BOT_USER, capturePostMessages, CHANNEL, DM_CHANNEL, eventCallback, postEvent, type PostedMessage } from "./slackEvents.js";

const CHINA_PASSAGE = "While international mediators including Turkey, China, and the UN have attempted to broker ceasefires";
const QUESTION = `<@${BOT_USER}> why did the Istanbul talks fail?`;

/** What Slack would refuse: too many blocks, too much text, a button value too long, repeated action ids. */
function expectWithinSlackLimits(message: PostedMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
  expect(textLength(message.blocks)).toBeLessThanOrEqual(SLACK_MESSAGE_TEXT_BUDGET);
  const buttons = message.blocks.flatMap((block) => (block.type === "actions" ? (block.elements ?? []) : []));
  for (const button of buttons) expect((button.value ?? "").length).toBeLessThanOrEqual(SLACK_BUTTON_VALUE_MAX);
  expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
}

function stopButton(message: PostedMessage) {
  return message.blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === "gt_stop_answering");
}

/** Nothing more arrives: every earlier request of the test was handled, then a little longer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("Slack Events API: mentions, direct messages and thread follow-ups", () => {
  const server = useSlackTestServer();

  it("answers Slack's url_verification with its challenge, signed like any request", async () => {
    const response = await postEvent(server().url, { token: "legacy", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("refuses an event whose signature does not match, and posts nothing", async () => {
    const posted = capturePostMessages();
    const { body } = eventCallback({ type: "app_mention", text: QUESTION });
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(server().url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${"0".repeat(64)}` },
      body: raw,
    });
    expect(response.status).toBe(401);
    await settle();
    expect(posted).toEqual([]);
  });

  it("acknowledges a mention at once and answers in its thread with the passages, a Stop button and no ping", async () => {
    const posted = capturePostMessages();
    const { body, ts } = eventCallback({ type: "app_mention", text: `${QUESTION} &amp; cc <@U0009>` });
    const response = await postEvent(server().url, body);
    expect(response.status).toBe(200);
    await waitFor(() => posted.length === 1);
    const answer = posted[0]!;
    expect(answer).toMatchObject({ channel: CHANNEL, thread_ts: ts });
    expect(blockText(answer.blocks)).toContain("Istanbul Communiqué");
    expect(answer.text).not.toMatch(/<[@!]/);
    expect(JSON.stringify(answer.blocks)).not.toMatch(/<[@!]/);
    expect(stopButton(answer)?.value).toBe(`${CHANNEL}:${ts}`);
    // The answer is already in the open: no "Share in channel".
    expect(JSON.stringify(answer.blocks)).not.toContain("gt_share");
    expectWithinSlackLimits(answer);
  });

  it("answers a mention made inside a thread in that thread", async () => {
    const posted = capturePostMessages();
    const { body } = eventCallback({ type: "app_mention", text: QUESTION, thread_ts: "1712000000.000100" });
    await postEvent(server().url, body);
    await waitFor(() => posted.length === 1);
    expect(posted[0]!.thread_ts).toBe("1712000000.000100");
  });

  it("answers a retried event once, even when the retry comes before the answer is posted", async () => {
    const posted = capturePostMessages();
    const { body } = eventCallback({ type: "app_mention", text: QUESTION });
    const responses = await Promise.all([postEvent(server().url, body), postEvent(server().url, body, 1)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await waitFor(() => posted.length === 1);
    expect((await postEvent(server().url, body, 2)).status).toBe(200);
    await settle();
    expect(posted).toHaveLength(1);
    // Dropped by its event id, before any listener ran.
    expect(server().logs.text().match(/Slack event already handled/g)).toHaveLength(2);
  });

  it("answers the same message once when Slack sends it both as app_mention and as message", async () => {
    const posted = capturePostMessages();
    const mention = eventCallback({ type: "app_mention", text: QUESTION });
    await postEvent(server().url, mention.body);
    await waitFor(() => posted.length === 1);
    // Slack's message.channels copy of a threaded mention: another event id, the same message.
    const copy = eventCallback({ text: QUESTION, ts: mention.ts, thread_ts: mention.ts });
    await postEvent(server().url, copy.body);
    await settle();
    expect(posted).toHaveLength(1);
  });

  it("answers a direct message in its thread, with no Stop button", async () => {
    const posted = capturePostMessages();
    const { body, ts } = eventCallback({ text: "what does the author conclude?", channel: DM_CHANNEL, channel_type: "im" });
    await postEvent(server().url, body);
    await waitFor(() => posted.length === 1);
    expect(posted[0]).toMatchObject({ channel: DM_CHANNEL, thread_ts: ts });
    expect(stopButton(posted[0]!)).toBeUndefined();
    expectWithinSlackLimits(posted[0]!);
  });

  it("never answers a bot (itself included), an edit, or a plain channel message", async () => {
    const posted = capturePostMessages();
    const ignored = [
      eventCallback({ text: "why did the talks fail?", channel: DM_CHANNEL, channel_type: "im", bot_id: "B0001", user: "U0OTHERBOT" }),
      eventCallback({ text: "why did the talks fail?", channel: DM_CHANNEL, channel_type: "im", user: BOT_USER }),
      eventCallback({ text: "why did the talks fail?", channel: DM_CHANNEL, channel_type: "im", subtype: "message_changed" }),
      eventCallback({ text: "why did the talks fail?", channel: DM_CHANNEL, channel_type: "im", subtype: "bot_message" }),
      eventCallback({ text: "why did the talks fail?" }),
      eventCallback({ type: "app_mention", text: QUESTION, bot_id: "B0002" }),
    ];
    for (const { body } of ignored) expect((await postEvent(server().url, body)).status).toBe(200);
    await settle();
    expect(posted).toEqual([]);
  });

  it("answers plain follow-ups in a thread it answered, read against the thread, until told to stop", async () => {
    const posted = capturePostMessages();
    const mention = eventCallback({ type: "app_mention", text: QUESTION });
    await postEvent(server().url, mention.body);
    await waitFor(() => posted.length === 1);

    // A thread the bot never answered stays unanswered.
    await postEvent(server().url, eventCallback({ text: "and China?", thread_ts: "1700000000.000100" }).body);
    const followUp = eventCallback({ text: "and China?", thread_ts: mention.ts });
    await postEvent(server().url, followUp.body);
    await waitFor(() => posted.length === 2);
    expect(posted[1]!.thread_ts).toBe(mention.ts);
    expect(blockText(posted[1]!.blocks)).toContain(CHINA_PASSAGE);

    const sources = eventCallback({ text: "who says so?", thread_ts: mention.ts });
    await postEvent(server().url, sources.body);
    await waitFor(() => posted.length === 3);
    expect(blockText(posted[2]!.blocks)).toContain("Sources of the last answer");

    const told = captureResponseUrl("/actions/T0001/1234567890/AbCdEfGhIjKl");
    const click = buttonClick("gt_stop_answering", stopButton(posted[0]!)!.value!, { container: { type: "message", message_ts: posted[0]!.thread_ts, channel_id: CHANNEL } });
    expect((await postSigned(server().url, interactionBody(click))).status).toBe(200);
    await waitFor(told.done);
    expect(told.posted[0]).toMatchObject({ response_type: "ephemeral" });
    expect(told.posted[0]!.text).toContain("stop answering");

    await postEvent(server().url, eventCallback({ text: "and Turkey?", thread_ts: mention.ts }).body);
    await settle();
    expect(posted).toHaveLength(3);
    // A mention there is still answered.
    await postEvent(server().url, eventCallback({ type: "app_mention", text: `<@${BOT_USER}> and Turkey?`, thread_ts: mention.ts }).body);
    await waitFor(() => posted.length === 4);
  });

  it("refuses a Stop button clicked in another conversation than the one it names", async () => {
    const told = captureResponseUrl("/actions/T0001/1234567890/AbCdEfGhIjKl");
    const click = buttonClick("gt_stop_answering", "C0OTHER:1712345600.000100");
    await postSigned(server().url, interactionBody(click));
    await waitFor(told.done);
    expect(told.posted[0]!.text).toContain("expired");
  });
});

describe("several instances sharing one store", () => {
  it("answers an event once when Slack's retry reaches another instance, and follows the thread on either", async () => {
    blockNetwork();
    const kb = await sharedKnowledge();
    const state = createMemoryStore();
    const instances = [0, 1].map(() => {
      const slack = createSlackApp({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, registry: createCommandRegistry(() => kb), logger: captureLogs().logger, mode: "http", state });
      return createServer((req, res) => slack.requestListener!(req, res));
    });
    await Promise.all(instances.map((instance) => new Promise<void>((resolve) => instance.listen(0, "127.0.0.1", resolve))));
    const [one, two] = instances.map((instance) => `http://127.0.0.1:${(instance.address() as AddressInfo).port}/slack/events`);
    try {
      const posted = capturePostMessages();
      const mention = eventCallback({ type: "app_mention", text: QUESTION });
      await postEvent(one!, mention.body);
      await postEvent(two!, mention.body, 1);
      await waitFor(() => posted.length === 1);
      await postEvent(two!, eventCallback({ text: "and China?", thread_ts: mention.ts }).body);
      await waitFor(() => posted.length === 2);
      await settle();
      expect(posted).toHaveLength(2);
      expect(blockText(posted[1]!.blocks)).toContain(CHINA_PASSAGE);
    } finally {
      for (const instance of instances) instance.closeAllConnections();
      await Promise.all(instances.map((instance) => new Promise((resolve) => instance.close(resolve))));
      restoreNetwork();
    }
  });
});

describe("SLACK_API_URL: a local stand-in for the Web API", () => {
  it("sends chat.postMessage to the configured base URL, with the bot token", async () => {
    const calls: Array<{ path: string; authorization?: string; body: string }> = [];
    const standIn: Server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        calls.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, ts: "1.2" }));
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
    const apiUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/api/`;
    const kb = await sharedKnowledge();
    const slack = createSlackApp({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      registry: createCommandRegistry(() => kb),
      logger: captureLogs().logger,
      mode: "http",
      slackApiUrl: apiUrl,
    });
    const bot: Server = createServer((req, res) => slack.requestListener!(req, res));
    await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/slack/events`;
      const { body, ts } = eventCallback({ text: "what does the author conclude?", channel: DM_CHANNEL, channel_type: "im" });
      await postEvent(url, body);
      await waitFor(() => calls.length === 1);
      expect(calls[0]!.path).toBe("/api/chat.postMessage");
      expect(calls[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
      expect(new URLSearchParams(calls[0]!.body).get("thread_ts")).toBe(ts);
    } finally {
      bot.closeAllConnections();
      standIn.closeAllConnections();
      await Promise.all([new Promise((r) => bot.close(r)), new Promise((r) => standIn.close(r))]);
    }
  });
});
