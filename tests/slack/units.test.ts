import { Writable } from "node:stream";
import { LogLevel, webApi } from "@slack/bolt";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderDesk } from "../../src/app/reminderDesk.js";
import { createMemoryStore } from "../../src/store/index.js";
import { toBoltLogger } from "../../src/platforms/slack/boltLogger.js";
import { handleSlashCommand } from "../../src/platforms/slack/listeners/slashCommand.js";
import { isSlackResponseUrl } from "../../src/platforms/slack/postToResponseUrl.js";
import { slackMessageToPlainText } from "../../src/platforms/slack/slackMessageToPlainText.js";
import { decodeThreadReply, encodeThreadReply } from "../../src/platforms/slack/threadReplyValue.js";
import { toCommandRequest } from "../../src/platforms/slack/toCommandRequest.js";
import { verifySlackSignature } from "../../src/platforms/slack/verify.js";
import { commandsFor, createCommandRegistry } from "../../src/commands/index.js";
import { createLogger } from "../../src/logger.js";
import { blockNetwork, blockText, captureLogs, MINSK_PASSAGE, restoreNetwork, sharedKnowledge, slackSignature } from "./slackHarness.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";

const definitionOf = (name: string) => commandsFor().find((command) => command.name === name);

describe("toCommandRequest", () => {
  it("maps Slack's slash command payload to a neutral request", () => {
    const payload = {
      token: "x",
      team_id: "T0001",
      channel_id: "C0001",
      user_id: "U0001",
      user_name: "dana",
      command: "/Source",
      text: "grain deal for: <@U0002|sam>",
      response_url: "https://hooks.slack.com/commands/T/1/x",
      trigger_id: "1",
    };
    expect(toCommandRequest(payload, definitionOf)).toEqual({
      command: "source",
      args: { name: "grain deal", for: "<@U0002|sam>" },
      user: { id: "U0001", name: "dana" },
      platform: slackTraits,
    });
  });

  it("passes plain text on as typed, for the registry to parse, and a missing text as empty", () => {
    expect(toCommandRequest({ command: "/source", text: "grain deal", user_id: "U1" }, definitionOf)).toEqual({
      command: "source",
      text: "grain deal",
      user: { id: "U1" },
      platform: slackTraits,
    });
    expect(toCommandRequest({ command: "/help", user_id: "U1" }, definitionOf)).toMatchObject({ command: "help", text: "", user: { id: "U1" } });
    expect(toCommandRequest({ command: "/nosuch", text: "a &amp; b", user_id: "U1" }, definitionOf)).toMatchObject({ command: "nosuch", text: "a & b" });
  });
});

describe("verifySlackSignature", () => {
  const secret = "8f742231b10e8888abcd99yyyzzz85a5";
  const body = "token=x&command=%2Fsource&text=minsk";
  const now = 1_712_345_678;
  const check = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
    verifySlackSignature({
      signingSecret: secret,
      rawBody: body,
      timestamp: String(now),
      signature: slackSignature(secret, String(now), body),
      nowSeconds: now,
      ...overrides,
    });

  it("accepts Slack's v0 signature and refuses every altered part", () => {
    expect(check({})).toBe(true);
    expect(check({ rawBody: `${body}x` })).toBe(false);
    expect(check({ signature: undefined })).toBe(false);
    expect(check({ signature: "v0=00" })).toBe(false);
    expect(check({ signature: slackSignature(secret, String(now), body).replace("v0=", "v1=") })).toBe(false);
    expect(check({ timestamp: undefined })).toBe(false);
    expect(check({ timestamp: "abc" })).toBe(false);
    expect(check({ signingSecret: "" })).toBe(false);
  });

  it("allows five minutes of clock difference either way, and no more", () => {
    expect(check({ nowSeconds: now + 300 })).toBe(true);
    expect(check({ nowSeconds: now - 300 })).toBe(true);
    expect(check({ nowSeconds: now + 301 })).toBe(false);
    expect(check({ nowSeconds: now - 301 })).toBe(false);
  });
});

describe("small pure pieces", () => {
  it("reads a Slack message as its words for searching", () => {
    expect(slackMessageToPlainText("<@U1|dana> see <https://x.org/a|the Minsk text> &amp; <#C1|general> &lt;3")).toBe(
      "see the Minsk text & <3",
    );
  });

  it("round-trips a Reply in thread value and refuses a forged one", () => {
    const value = encodeThreadReply({ channel: "C0001", threadTs: "1712345600.000100", question: "Minsk" });
    expect(decodeThreadReply(value)).toEqual({ channel: "C0001", threadTs: "1712345600.000100", question: "Minsk" });
    // A button from an earlier version also names the command it ran.
    expect(decodeThreadReply(JSON.stringify({ c: "C1", t: "1.2", k: "ask", q: "x" }))).toEqual({ channel: "C1", threadTs: "1.2", question: "x" });
    expect(decodeThreadReply("gt1|ask|0||question=x")).toBeNull();
    expect(decodeThreadReply(JSON.stringify({ c: "C1", t: "not-a-ts", k: "ask", q: "x" }))).toBeNull();
  });

  it("only posts to Slack's own hosts", () => {
    expect(isSlackResponseUrl("https://hooks.slack.com/actions/T/1/x")).toBe(true);
    expect(isSlackResponseUrl("http://hooks.slack.com/actions/T/1/x")).toBe(false);
    expect(isSlackResponseUrl("https://hooks.slack.com.evil.example/x")).toBe(false);
    expect(isSlackResponseUrl("https://evilslack.com/x")).toBe(false);
  });

  it("keeps Bolt's logger at WARN or above INFO, never DEBUG, and cuts tokens out of its lines", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "debug",
      destination: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
    });
    const bolt = toBoltLogger(logger);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    bolt.debug("payload dump");
    bolt.warn("token xoxb-123-456-abc was refused");
    expect(lines.join("")).not.toContain("payload dump");
    expect(lines.join("")).toContain("token [redacted] was refused");
  });
});

describe("handlers as plain functions", () => {
  beforeEach(() => blockNetwork());
  afterEach(() => restoreNetwork());

  it("handleSlashCommand acks with the rendered reply and makes no call", async () => {
    const kb = await sharedKnowledge();
    const acks: unknown[] = [];
    await handleSlashCommand(
      {
        registry: createCommandRegistry(() => kb),
        logger: captureLogs().logger,
        reminders: createReminderDesk(createMemoryStore(), captureLogs().logger),
        botClient: new webApi.WebClient("xoxb-unused"),
      },
      {
        command: {
          token: "x", team_id: "T", team_domain: "d", channel_id: "C1", channel_name: "g", user_id: "U1", user_name: "dana",
          command: "/source", text: "minsk", response_url: "https://hooks.slack.com/commands/T/1/x", trigger_id: "1", api_app_id: "A",
        },
        ack: async (response) => {
          acks.push(response);
        },
        client: new webApi.WebClient("xoxb-unused"),
      },
    );
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ response_type: "ephemeral" });
    expect(blockText((acks[0] as { blocks: unknown[] }).blocks)).toContain(MINSK_PASSAGE);
  });
});
