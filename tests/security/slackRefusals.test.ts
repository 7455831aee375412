/**
 * Every early exit of the Slack verifier, over the production server: Slack's unsigned ssl_check is answered
 * with an empty 200 and reaches nothing; headers that cannot be valid are refused before the body is read;
 * a signature is answered once; a body Bolt could not parse never reaches Bolt (which would log part of it);
 * and every refusal is logged with its reason, once a minute per reason, never with the secret or signature.
 */
import nock from "nock";
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nowSeconds, SLACK_SIGNING_SECRET, slackSignature, slackSlashCommand, type SignedRequest } from "../support/signedRequests.js";
import { SSL_CHECK_BODY_LIMIT_BYTES } from "../../src/platforms/slack/verify.js";
import { rawRequest, startBotUnderTest, type BotUnderTest } from "./botUnderTest.js";

const MINSK_PHRASE = "Russia has violated multiple agreements";
let bot: BotUnderTest;
let users = 0;
const user = () => `U${String(++users).padStart(8, "0")}`;

beforeAll(async () => {
  bot = await startBotUnderTest();
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(() => {
  bot.runs.length = 0;
});

async function post(body: string, headers: Record<string, string>) {
  const response = await request(`http://127.0.0.1:${bot.bot.port}/slack/events`, { method: "POST", headers, body });
  return { status: response.statusCode, text: await response.body.text(), headers: response.headers };
}

const send = (signed: SignedRequest) => post(signed.body, signed.headers);

function signedHeaders(body: string, contentType = "application/x-www-form-urlencoded", secret = SLACK_SIGNING_SECRET) {
  const timestamp = String(nowSeconds());
  return { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": slackSignature(secret, timestamp, body) };
}

function sslCheckWithCommand(command: string, text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    ssl_check: "1",
    token: "legacy-verification-token",
    command,
    text,
    user_id: user(),
    channel_id: "C0ATTACKER",
    response_url: "https://hooks.slack.com/commands/T0001/1/attacker",
    trigger_id: "1.2.3",
    ...extra,
  }).toString();
}

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("Slack's ssl_check: an empty 200 and nothing else", () => {
  it("answers Slack's own unsigned ping with an empty 200", async () => {
    const { status, text } = await post("ssl_check=1&token=legacy-verification-token", FORM);
    expect(status).toBe(200);
    expect(text).toBe("");
  });

  it("never runs a command smuggled into an unsigned ssl_check body", async () => {
    const { status, text } = await post(sslCheckWithCommand("/source", "minsk"), FORM);
    expect(status).toBe(200);
    expect(text).toBe("");
    expect(text).not.toContain(MINSK_PHRASE);
    expect(bot.runs).toEqual([]);
  });

  it("posts nothing to a channel for an unsigned /timer, and 50 from one user run nothing either", async () => {
    // Any Web API call (chat.postMessage) or response_url post would be refused by nock and logged.
    const scope = nock("https://slack.com").post(/.*/).reply(200, { ok: true });
    const hook = nock("https://hooks.slack.com").post(/.*/).reply(200, "ok");
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(sslCheckWithCommand("/timer", "1", { user_id: "UVICTIM" }), FORM)),
    );
    expect(answers.map((answer) => `${answer.status} ${answer.text}`)).toEqual(Array(50).fill("200 "));
    expect(bot.runs).toEqual([]);
    expect(scope.isDone()).toBe(false);
    expect(hook.isDone()).toBe(false);
    nock.cleanAll();
  });

  it("answers a correctly signed ssl_check with an empty 200 too, running nothing it carries", async () => {
    const body = sslCheckWithCommand("/source", "minsk");
    const { status, text } = await post(body, signedHeaders(body));
    expect(status).toBe(200);
    expect(text).toBe("");
    expect(bot.runs).toEqual([]);
  });

  it("refuses any other unsigned form with 401, and reads no more than an ssl_check could be", async () => {
    expect((await post("command=%2Fsource&text=minsk", FORM)).status).toBe(401);
    // Announced longer than any ssl_check: refused from the headers alone, with the body never sent.
    const refused = await rawRequest(
      bot.bot.port,
      ["POST /slack/events HTTP/1.1", "Host: x", "Content-Type: application/x-www-form-urlencoded", `Content-Length: ${SSL_CHECK_BODY_LIMIT_BYTES + 1}`].join("\r\n"),
    );
    expect(refused.status).toBe(401);
    expect(refused.head.toLowerCase()).toContain("connection: close");
    expect(bot.runs).toEqual([]);
  });
});

describe("headers that cannot be valid are refused before the body is read", () => {
  const head = (headers: string[]) =>
    ["POST /slack/events HTTP/1.1", "Host: x", "Content-Type: application/x-www-form-urlencoded", "Content-Length: 1000000", ...headers].join("\r\n");
  // Evaluated when the cases are collected, a few seconds before they run: the margins allow for that.
  const fresh = () => String(nowSeconds());

  it.each([
    ["no signature", [`X-Slack-Request-Timestamp: ${fresh()}`]],
    ["no timestamp", [`X-Slack-Signature: v0=${"a".repeat(64)}`]],
    ["a stale timestamp", [`X-Slack-Request-Timestamp: ${nowSeconds() - 400}`, `X-Slack-Signature: v0=${"a".repeat(64)}`]],
    ["a timestamp from the future", [`X-Slack-Request-Timestamp: ${nowSeconds() + 400}`, `X-Slack-Signature: v0=${"a".repeat(64)}`]],
    ["a timestamp that is not a number", ["X-Slack-Request-Timestamp: soon", `X-Slack-Signature: v0=${"a".repeat(64)}`]],
    ["a signature that is not v0= and 64 hex", [`X-Slack-Request-Timestamp: ${fresh()}`, `X-Slack-Signature: v1=${"a".repeat(64)}`]],
    ["a signature in upper case", [`X-Slack-Request-Timestamp: ${fresh()}`, `X-Slack-Signature: v0=${"A".repeat(64)}`]],
    ["a signature one digit short", [`X-Slack-Request-Timestamp: ${fresh()}`, `X-Slack-Signature: v0=${"a".repeat(63)}`]],
  ])("%s: 401 while the announced megabyte has not arrived, and the connection closed", async (_name, headers) => {
    // Ten bytes of a megabyte: an answer at all means the body was not waited for.
    const answer = await rawRequest(bot.bot.port, head(headers), "command=%2F", 3_000);
    expect(answer.status).toBe(401);
    expect(answer.head.toLowerCase()).toContain("connection: close");
    expect(answer.ms).toBeLessThan(2_500);
    expect(bot.runs).toEqual([]);
  });
});

describe("replays", () => {
  it("answers a signed request once: the same request sent 50 times gets one answer and 49 refusals (409)", async () => {
    const captured = slackSlashCommand("source", "minsk", user());
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await send(captured)).status);
    expect(statuses).toEqual([200, ...Array(49).fill(409)]);
    expect(bot.runs).toEqual(["run source"]);
  });

  it("still answers a new request with the same text from the same user (a new trigger, a new signature)", async () => {
    const who = user();
    expect((await send(slackSlashCommand("source", "minsk", who))).status).toBe(200);
    expect((await send(slackSlashCommand("source", "minsk", who))).status).toBe(200);
  });
});

describe("bodies Slack would not send never reach Bolt", () => {
  it("refuses a signed form sent as another content type with 415, and logs none of it", async () => {
    const body = "token=SECRETISHVERIFICATIONTOKEN&command=%2Fsource&text=minsk";
    expect((await post(body, signedHeaders(body, "text/plain"))).status).toBe(415);
    const other = `${body}&trigger_id=2`;
    const asJson = await post(other, signedHeaders(other, "application/json"));
    expect(asJson.status).toBe(400);
    expect(bot.logText()).not.toContain("SECRETISH");
    expect(bot.runs).toEqual([]);
  });

  it("refuses a signed interaction whose payload is not JSON with 400, unlogged", async () => {
    const body = `payload=${encodeURIComponent('{"token":"SECRETISHPAYLOADTOKEN", broken')}`;
    expect((await post(body, signedHeaders(body))).status).toBe(400);
    expect(bot.logText()).not.toContain("SECRETISH");
  });
});

describe("refusals are logged", () => {
  it("says why, once a minute per reason, and never logs the secret or the signature", async () => {
    const before = bot.logLines().length;
    for (let i = 0; i < 20; i++) {
      const wrongSecret = slackSlashCommand("source", "minsk", user(), { secret: "ffffffffffffffffffffffffffffffff" });
      expect((await send(wrongSecret)).status).toBe(401);
    }
    const refusals = bot.logLines().slice(before).filter((line) => line.msg === "slack request refused");
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ status: 401, reason: expect.stringMatching(/signature does not match.*Signing Secret, not its Client Secret/) });
    const log = bot.logText();
    expect(log).not.toContain(SLACK_SIGNING_SECRET);
    expect(log).not.toContain("ffffffffffffffffffffffffffffffff");
    expect(log).not.toMatch(/v0=[0-9a-f]{64}/);
  });
});
