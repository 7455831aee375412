/**
 * The two verifiers on a bare loopback server, with nothing behind them but a recorder: fast enough to run
 * against every mutant (`npm run mutate`), and exact about each exit's status, headers, log line and boundary.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { discordSignature, slackSignature } from "../support/signedRequests.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import { checkDiscordHeaders, createDiscordPublicKey } from "../../src/platforms/discord/verify.js";
import { checkSlackHeaders, checkSlackSignature, SSL_CHECK_BODY_LIMIT_BYTES, verifySlackRequests, verifySlackSignature } from "../../src/platforms/slack/verify.js";
import type { CommandRegistry } from "../../src/commands/index.js";
import { createLogger } from "../../src/logger.js";
import { createHttpServer } from "../../src/http/createHttpServer.js";
import { MemoryReplayGuard } from "../../src/http/replayGuard.js";
import { checkTimestamp, signatureExpiresAtMs } from "../../src/http/signatureCheck.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW_S = 1_750_000_000;
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function capture() {
  let text = "";
  const logger = createLogger({
    level: "info",
    destination: new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
  });
  const lines = () => text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, text: () => text };
}

async function serve(listener: RequestListener, options: { budget?: number } = {}): Promise<string> {
  const server = options.budget
    ? createHttpServer({
        health: () => ({ documents: 1, passages: 1, errors: 0 }),
        routes: [
          { path: "/slack/events", handler: listener },
          { path: "/discord/interactions", handler: listener },
        ],
        maxBufferedBodyBytes: options.budget,
      })
    : createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Answer {
  status: number;
  text: string;
  connection: string | null;
}

/** A body sent as a stream, with no Content-Length announcing its size: the limit is met as bytes arrive. */
function postStreamed(url: string, body: string, headers: Record<string, string>): Promise<Response> {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body));
      controller.close();
    },
  });
  return fetch(url, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, text: await response.text(), connection: response.headers.get("connection") };
}

describe("Slack: verifySlackRequests", () => {
  function slack(options: { now?: number; budget?: number } = {}) {
    const logs = capture();
    const passed: Array<{ rawBody: string }> = [];
    let nowMs = (options.now ?? NOW_S) * 1000;
    const listener = verifySlackRequests(
      SECRET,
      (req, res) => {
        passed.push({ rawBody: String((req as { rawBody?: Buffer }).rawBody) });
        res.writeHead(200).end("passed");
      },
      { logger: logs.logger, now: () => nowMs, replays: new MemoryReplayGuard(() => nowMs) },
    );
    return { listener, passed, logs, setNow: (seconds: number) => (nowMs = seconds * 1000) };
  }

  const signed = (body: string, timestamp = NOW_S, contentType = "application/x-www-form-urlencoded", secret = SECRET) => ({
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, String(timestamp), body),
  });

  it("passes a signed form and a signed JSON event on, with the raw body", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    expect(await post(url, "command=%2Fsource&text=a", signed("command=%2Fsource&text=a"))).toMatchObject({ status: 200, text: "passed" });
    const event = '{"type":"event_callback"}';
    expect(await post(url, event, signed(event, NOW_S, "application/json"))).toMatchObject({ status: 200, text: "passed" });
    const interaction = `payload=${encodeURIComponent('{"type":"block_actions"}')}`;
    expect((await post(url, interaction, signed(interaction))).status).toBe(200);
    expect(passed.map((request) => request.rawBody)).toEqual(["command=%2Fsource&text=a", event, interaction]);
  });

  it("accepts timestamps exactly 300 s either side of now, and refuses 301", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    for (const [offset, status] of [[300, 200], [-300, 200], [301, 401], [-301, 401]] as const) {
      const body = `command=%2Fa&n=${offset}`;
      expect((await post(url, body, signed(body, NOW_S + offset))).status, `offset ${offset}`).toBe(status);
    }
    expect(passed).toHaveLength(2);
  });

  it("refuses each kind of bad header with 401, closing the connection, and logs why once", async () => {
    const { listener, passed, logs } = slack();
    const url = await serve(listener);
    const body = "command=%2Fsource";
    const good = signed(body);
    const cases: Array<[Record<string, string>, string]> = [
      [{ "x-slack-request-timestamp": String(NOW_S), "content-type": good["content-type"] }, "missing signature headers"],
      [{ "x-slack-signature": good["x-slack-signature"], "content-type": good["content-type"] }, "missing signature headers"],
      [{ ...good, "x-slack-request-timestamp": "17e8" }, "malformed timestamp"],
      [{ ...good, "x-slack-request-timestamp": "1".repeat(13) }, "malformed timestamp"],
      [{ ...good, "x-slack-signature": good["x-slack-signature"].toUpperCase().replace("V0=", "v0=") }, "malformed signature"],
      [{ ...good, "x-slack-signature": `${good["x-slack-signature"]}0` }, "malformed signature"],
      [{ ...good, "x-slack-signature": good["x-slack-signature"].replace("v0=", "v1=") }, "malformed signature"],
      [{ ...good, "x-slack-request-timestamp": String(NOW_S + 1000) }, "timestamp outside the five-minute window"],
    ];
    for (const [headers, reason] of cases) {
      const answer = await post(url, body, headers);
      expect(answer, reason).toMatchObject({ status: 401, connection: "close" });
      expect(logs.lines().at(-1)?.reason ?? reason).toBe(reason);
    }
    expect(passed).toEqual([]);
    const reasons = logs.lines().map((line) => line.reason);
    expect(reasons).toEqual(["missing signature headers", "malformed timestamp", "malformed signature", "timestamp outside the five-minute window"]);
    expect(logs.lines().every((line) => line.msg === "slack request refused" && line.status === 401 && line.level === 40)).toBe(true);
  });

  it("refuses a body whose signature does not match with 401, keeping the connection, and says which secret to check", async () => {
    const { listener, passed, logs } = slack();
    const url = await serve(listener);
    const body = "command=%2Fsource";
    const answer = await post(url, body, signed(body, NOW_S, undefined, "0".repeat(32)));
    expect(answer).toMatchObject({ status: 401, text: "" });
    expect(answer.connection).not.toBe("close");
    expect(await post(url, `${body}x`, signed(body))).toMatchObject({ status: 401 });
    expect(passed).toEqual([]);
    expect(logs.lines()).toEqual([expect.objectContaining({ status: 401, reason: expect.stringMatching(/^signature does not match: check that SLACK_SIGNING_SECRET is the app's Signing Secret/) })]);
  });

  it("answers an unsigned ssl_check with an empty 200 up to 256 bytes, and refuses anything else unsigned with 401", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const ping = "ssl_check=1&token=abc&command=%2Fsource";
    expect(await post(url, ping, form)).toMatchObject({ status: 200, text: "" });
    const exactly = `ssl_check=1&pad=${"x".repeat(SSL_CHECK_BODY_LIMIT_BYTES - 16)}`;
    expect(exactly.length).toBe(SSL_CHECK_BODY_LIMIT_BYTES);
    expect((await post(url, exactly, form)).status).toBe(200);
    expect(await post(url, `${exactly}x`, form)).toMatchObject({ status: 401, connection: "close" });
    expect((await post(url, "ssl_check=0&command=%2Fsource", form)).status).toBe(401);
    expect((await post(url, "ssl_check=1", { "content-type": "application/json" })).status).toBe(401);
    expect((await post(url, "ssl_check=1", { "content-type": "application/x-www-form-urlencoded; charset=utf-8" })).status).toBe(200);
    expect(passed).toEqual([]);
  });

  it("answers a signed ssl_check with an empty 200 and passes nothing on", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    const body = "ssl_check=1&command=%2Fsource&text=a";
    expect(await post(url, body, signed(body))).toMatchObject({ status: 200, text: "" });
    expect(passed).toEqual([]);
  });

  it("refuses a repeated signature with 409 while its timestamp is accepted", async () => {
    const { listener, passed, logs, setNow } = slack();
    const url = await serve(listener);
    const body = "command=%2Fsource&text=a";
    const headers = signed(body);
    expect((await post(url, body, headers)).status).toBe(200);
    setNow(NOW_S + 300);
    expect((await post(url, body, headers)).status).toBe(409);
    setNow(NOW_S + 301);
    expect((await post(url, body, headers)).status).toBe(401);
    expect(passed).toHaveLength(1);
    expect(logs.lines().map((line) => line.reason)).toContain("replayed request");
  });

  it("refuses signed bodies Slack would not send: 415 for another type, 400 for JSON that does not parse", async () => {
    const { listener, passed, logs } = slack();
    const url = await serve(listener);
    const cases: Array<[string, string, number]> = [
      ["a=1", "text/plain", 415],
      ["a=2", "application/x-www-form-urlencoded; charset=utf-8", 415],
      ["{broken", "application/json", 400],
      ["a=3", "application/json", 400],
      [`payload=${encodeURIComponent("{broken")}`, "application/x-www-form-urlencoded", 400],
    ];
    for (const [body, type, status] of cases) expect((await post(url, body, signed(body, NOW_S, type))).status, `${type} ${body}`).toBe(status);
    expect((await post(url, "{}", signed("{}", NOW_S, "application/json; charset=utf-8"))).status).toBe(200);
    expect(passed).toHaveLength(1);
    expect(logs.text()).not.toContain("broken");
  });

  it("refuses a body over 1 MB with 413, and one past the server's budget with 503", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener, { budget: 64 * 1024 });
    const big = "a".repeat(1024 * 1024 + 1);
    const refused = await postStreamed(`${url}/slack/events`, big, signed(big));
    expect([413, 503]).toContain(refused.status);
    const overBudget = "a".repeat(100 * 1024);
    expect((await post(`${url}/slack/events`, overBudget, signed(overBudget))).status).toBe(503);
    expect(passed).toEqual([]);
  });

  it("answers 400 when the client goes away mid-body, and keeps serving", async () => {
    const { listener } = slack();
    const url = await serve(listener);
    const controller = new AbortController();
    const body = new ReadableStream({
      start(stream) {
        stream.enqueue(new TextEncoder().encode("command="));
        setTimeout(() => controller.abort(), 50);
      },
    });
    await expect(fetch(url, { method: "POST", headers: signed("command=%2Fa"), body, duplex: "half", signal: controller.signal } as RequestInit)).rejects.toThrow();
    const next = "command=%2Fnext";
    expect((await post(url, next, signed(next))).status).toBe(200);
  });
});

describe("Slack: verifySlackRequests, the remaining exits", () => {
  function slack(options: { secret?: string; replays?: { firstSeen: () => Promise<boolean> } } = {}) {
    const logs = capture();
    const passed: string[] = [];
    const listener = verifySlackRequests(
      options.secret ?? SECRET,
      (req, res) => {
        passed.push(String((req as { rawBody?: Buffer }).rawBody));
        res.writeHead(200).end("passed");
      },
      { logger: logs.logger, now: () => NOW_S * 1000, ...(options.replays ? { replays: options.replays } : {}) },
    );
    return { listener, passed, logs };
  }
  const signed = (body: string, contentType = "application/x-www-form-urlencoded") => ({
    "content-type": contentType,
    "x-slack-request-timestamp": String(NOW_S),
    "x-slack-signature": slackSignature(SECRET, String(NOW_S), body),
  });
  const reasons = (logs: ReturnType<typeof capture>) => logs.lines().map((line) => `${line.status} ${line.reason}`);

  it("treats an ssl_check with only one of the two headers as signed, and refuses it", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    const body = "ssl_check=1";
    const headers = signed(body);
    expect(await post(url, body, { "content-type": headers["content-type"], "x-slack-request-timestamp": headers["x-slack-request-timestamp"] })).toMatchObject({ status: 401 });
    expect(await post(url, body, { "content-type": headers["content-type"], "x-slack-signature": headers["x-slack-signature"] })).toMatchObject({ status: 401 });
    expect(passed).toEqual([]);
  });

  it("logs an unsigned refusal as missing headers and closes the connection", async () => {
    const { listener, logs } = slack();
    const url = await serve(listener);
    expect(await post(url, "command=%2Fsource", { "content-type": "application/x-www-form-urlencoded" })).toMatchObject({ status: 401, connection: "close" });
    expect(await post(url, "{}", { "content-type": "application/json" })).toMatchObject({ status: 401, connection: "close" });
    expect(reasons(logs)).toEqual(["401 missing signature headers"]);
  });

  it("refuses a signature with anything before v0= as malformed, unread", async () => {
    const { listener, logs } = slack();
    const url = await serve(listener);
    const body = "command=%2Fsource";
    const headers = signed(body);
    expect(await post(url, body, { ...headers, "x-slack-signature": `x${headers["x-slack-signature"]}` })).toMatchObject({ status: 401, connection: "close" });
    expect(reasons(logs)).toEqual(["401 malformed signature"]);
  });

  it("logs why a body was refused: the budget spent, another type, JSON that does not parse", async () => {
    const { listener, logs } = slack();
    const url = await serve(listener, { budget: 64 * 1024 });
    const overBudget = "a".repeat(100 * 1024);
    expect(await post(`${url}/slack/events`, overBudget, signed(overBudget))).toMatchObject({ status: 503, connection: "close" });
    expect((await post(`${url}/slack/events`, "a=1", signed("a=1", "text/plain"))).status).toBe(415);
    expect((await post(`${url}/slack/events`, "{", signed("{", "application/json"))).status).toBe(400);
    expect(reasons(logs)).toEqual(["503 server body budget spent", "415 unsupported content type", "400 malformed body"]);
  });

  it("refuses a body that grows past 1 MB with 413, closes the connection, and says so", async () => {
    const { listener, logs } = slack();
    const url = await serve(listener);
    const big = "a".repeat(1024 * 1024 + 1);
    const answer = await postStreamed(url, big, signed(big));
    expect(answer.status).toBe(413);
    expect(answer.headers.get("connection")).toBe("close");
    expect(reasons(logs)).toEqual(["413 body over 1 MB"]);
  });

  it("reads the media type without parameters or spaces around it", async () => {
    const { listener, passed } = slack();
    const url = await serve(listener);
    for (const type of ["application/json ; charset=utf-8", "Application/JSON"]) {
      const body = `{"type":"event_callback","n":"${type}"}`;
      expect((await post(url, body, signed(body, type))).status, type).toBe(200);
    }
    expect(passed).toHaveLength(2);
  });

  it("refuses a body with no Content-Type with 415", async () => {
    const { listener } = slack();
    const url = await serve(listener);
    const headers: Record<string, string> = { ...signed("a=1") };
    delete headers["content-type"];
    const answer = await fetch(url, { method: "POST", headers, body: new Blob([Buffer.from("a=1")]) });
    expect(answer.status).toBe(415);
  });

  it("with no signing secret, verifies nothing", async () => {
    const { listener, passed, logs } = slack({ secret: "" });
    const url = await serve(listener);
    const body = "command=%2Fsource";
    const headers = { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(NOW_S), "x-slack-signature": slackSignature("", String(NOW_S), body) };
    expect((await post(url, body, headers)).status).toBe(401);
    expect(passed).toEqual([]);
    expect(reasons(logs)).toEqual(["401 no signing secret configured"]);
  });

  it("answers 500 when the replay store fails, instead of leaving the request hanging", async () => {
    const { listener, passed, logs } = slack({ replays: { firstSeen: () => Promise.reject(new Error("store unreachable")) } });
    const url = await serve(listener);
    const body = "command=%2Fsource";
    const answer = await fetch(url, { method: "POST", headers: signed(body), body, signal: AbortSignal.timeout(3_000) });
    expect(answer.status).toBe(500);
    expect(passed).toEqual([]);
    expect(reasons(logs)).toEqual(["500 request failed before it was verified"]);
  });

  it("verifySlackSignature checks against the current time when not told otherwise", () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = slackSignature(SECRET, timestamp, "x");
    expect(verifySlackSignature({ signingSecret: SECRET, rawBody: "x", timestamp, signature })).toBe(true);
    expect(verifySlackSignature({ signingSecret: SECRET, rawBody: "x", timestamp: String(NOW_S), signature: slackSignature(SECRET, String(NOW_S), "x") })).toBe(false);
  });
});

describe("Slack: the checks themselves", () => {
  it("checkSlackHeaders and checkSlackSignature name each reason", () => {
    const signature = slackSignature(SECRET, String(NOW_S), "x");
    expect(checkSlackHeaders(String(NOW_S), signature, NOW_S)).toEqual({ ok: true });
    expect(checkSlackHeaders(undefined, signature, NOW_S)).toEqual({ ok: false, reason: "missing signature headers" });
    expect(checkSlackHeaders(String(NOW_S), "", NOW_S)).toEqual({ ok: false, reason: "missing signature headers" });
    expect(checkSlackSignature({ signingSecret: SECRET, rawBody: "x", timestamp: String(NOW_S), signature, nowSeconds: NOW_S })).toEqual({ ok: true });
    expect(checkSlackSignature({ signingSecret: SECRET, rawBody: Buffer.from("x"), timestamp: String(NOW_S), signature, nowSeconds: NOW_S })).toEqual({ ok: true });
    expect(checkSlackSignature({ signingSecret: "", rawBody: "x", timestamp: String(NOW_S), signature, nowSeconds: NOW_S })).toEqual({
      ok: false,
      reason: "no signing secret configured",
    });
    expect(checkSlackSignature({ signingSecret: SECRET, rawBody: "x", timestamp: String(NOW_S), signature, nowSeconds: NOW_S + 301 }).ok).toBe(false);
  });

  it("checkTimestamp and signatureExpiresAtMs agree on the last accepted second", () => {
    expect(checkTimestamp("100", 400)).toEqual({ ok: true });
    expect(checkTimestamp("100", 401)).toEqual({ ok: false, reason: "timestamp outside the five-minute window" });
    expect(checkTimestamp("", 100)).toEqual({ ok: false, reason: "missing signature headers" });
    expect(checkTimestamp("-1", 100)).toEqual({ ok: false, reason: "malformed timestamp" });
    expect(checkTimestamp("999999999999", 999_999_999_999)).toEqual({ ok: true });
    // Accepted through second 400 (until 401 000 ms), so remembered until then.
    expect(signatureExpiresAtMs("100")).toBe(401_000);
  });
});

describe("Discord: createDiscordInteractionsHandler's refusals", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = (publicKey.export({ format: "der", type: "spki" }) as Buffer).subarray(12).toString("hex");

  function discord() {
    const logs = capture();
    let nowMs = NOW_S * 1000;
    const handler = createDiscordInteractionsHandler({
      publicKey: publicKeyHex,
      // PINGs and malformed bodies never reach the registry.
      registry: {} as CommandRegistry,
      logger: logs.logger,
      now: () => new Date(nowMs),
    });
    return { handler, logs, setNow: (seconds: number) => (nowMs = seconds * 1000) };
  }

  const sign = (body: string, timestamp = NOW_S) => ({
    "content-type": "application/json",
    "x-signature-timestamp": String(timestamp),
    "x-signature-ed25519": discordSignature(privateKey, String(timestamp), body),
  });

  let ids = 0;
  const ping = () => JSON.stringify({ id: String(++ids), type: 1, application_id: "1", token: "t", version: 1 });

  it("answers a signed PING with PONG, within 300 s either side, and refuses 301", async () => {
    const { handler } = discord();
    const url = await serve((req, res) => void handler(req, res));
    for (const [offset, status] of [[0, 200], [300, 200], [-300, 200], [301, 401], [-301, 401]] as const) {
      const body = ping();
      const answer = await post(url, body, sign(body, NOW_S + offset));
      expect(answer.status, `offset ${offset}`).toBe(status);
      if (status === 200) expect(JSON.parse(answer.text)).toEqual({ type: 1 });
    }
  });

  it("refuses bad headers with 401 and a closed connection, a bad signature with 401, and logs each reason once", async () => {
    const { handler, logs } = discord();
    const url = await serve((req, res) => void handler(req, res));
    const body = ping();
    const good = sign(body);
    const cases: Array<[Record<string, string>, string, boolean]> = [
      [{ "x-signature-timestamp": String(NOW_S) }, "missing signature headers", true],
      [{ "x-signature-ed25519": good["x-signature-ed25519"] }, "missing signature headers", true],
      [{ ...good, "x-signature-ed25519": good["x-signature-ed25519"].slice(2) }, "malformed signature", true],
      [{ ...good, "x-signature-ed25519": `${good["x-signature-ed25519"].slice(1)}g` }, "malformed signature", true],
      [{ ...good, "x-signature-timestamp": "soon" }, "malformed timestamp", true],
      [{ ...good, "x-signature-timestamp": String(NOW_S - 1000) }, "timestamp outside the five-minute window", true],
      [{ ...good, "x-signature-ed25519": sign(body, NOW_S + 1)["x-signature-ed25519"] }, "signature does not match", false],
    ];
    for (const [headers, reason, closes] of cases) {
      const answer = await post(url, body, headers);
      expect(answer.status, reason).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ error: "invalid request signature" });
      expect(answer.connection === "close", reason).toBe(closes);
    }
    expect(logs.lines().map((line) => line.reason)).toEqual([
      "missing signature headers",
      "malformed signature",
      "malformed timestamp",
      "timestamp outside the five-minute window",
      "signature does not match",
    ]);
    expect(logs.lines().every((line) => line.msg === "discord interaction refused" && line.status === 401)).toBe(true);
  });

  it("refuses a signed body that is not an interaction with 400", async () => {
    const { handler } = discord();
    const url = await serve((req, res) => void handler(req, res));
    for (const body of ["{", "null", "[]", '{"type":1}', '{"type":1,"id":""}', `{"type":1,"id":"${"1".repeat(65)}"}`, '{"type":"1","id":"1"}', '{"type":1,"id":1}']) {
      const answer = await post(url, body, sign(body));
      expect(answer.status, body).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({ error: "malformed interaction" });
    }
    const longest = `{"type":1,"id":"${"1".repeat(64)}"}`;
    expect((await post(url, longest, sign(longest))).status).toBe(200);
  });

  it("refuses a repeated interaction id with 409 while its timestamp is accepted, however many others came between", async () => {
    const { handler, logs, setNow } = discord();
    const url = await serve((req, res) => void handler(req, res));
    const captured = ping();
    expect((await post(url, captured, sign(captured))).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const other = ping();
      await post(url, other, sign(other));
    }
    setNow(NOW_S + 300);
    const again = await post(url, captured, sign(captured));
    expect(again.status).toBe(409);
    expect(JSON.parse(again.text)).toEqual({ error: "interaction already handled" });
    // Signed anew a second later, with the same id: still the same interaction.
    expect((await post(url, captured, sign(captured, NOW_S + 1))).status).toBe(409);
    expect(logs.lines().map((line) => line.reason)).toContain("replayed interaction id");
  });

  it("refuses a GET with 405 and a body over 1 MB with 413", async () => {
    const { handler } = discord();
    const url = await serve((req, res) => void handler(req, res));
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await get.json()).toEqual({ error: "method not allowed" });
    const big = `{"type":1,"id":"9","pad":"${"a".repeat(1024 * 1024)}"}`;
    const answer = await post(url, big, sign(big));
    expect(answer).toMatchObject({ status: 413, connection: "close" });
    expect(JSON.parse(answer.text)).toEqual({ error: "body too large" });
  });

  it("says why it refused: the method, the body, the shape", async () => {
    const { handler, logs } = discord();
    const url = await serve((req, res) => void handler(req, res), { budget: 64 * 1024 });
    const overBudget = `{"type":1,"id":"1","pad":"${"a".repeat(100 * 1024)}"}`;
    const busy = await post(`${url}/discord/interactions`, overBudget, sign(overBudget));
    expect(busy).toMatchObject({ status: 503, connection: "close" });
    expect(JSON.parse(busy.text)).toEqual({ error: "server busy" });
    const notInteraction = '{"type":1,"id":["1"]}';
    expect((await post(`${url}/discord/interactions`, notInteraction, sign(notInteraction))).status).toBe(400);
    expect(logs.lines().map((line) => `${line.status} ${line.reason}`)).toEqual(["503 server body budget spent", "400 malformed interaction"]);
  });

  it("says a body over 1 MB was refused", async () => {
    const { handler, logs } = discord();
    const url = await serve((req, res) => void handler(req, res));
    const big = `{"type":1,"id":"9","pad":"${"a".repeat(1024 * 1024)}"}`;
    await post(url, big, sign(big));
    expect(logs.lines().map((line) => `${line.status} ${line.reason}`)).toEqual(["413 body over 1 MB"]);
  });

  it("refuses a signature with anything around its 128 hex digits as malformed, unread", async () => {
    const { handler, logs } = discord();
    const url = await serve((req, res) => void handler(req, res));
    const body = ping();
    const good = sign(body);
    for (const signature of [`0${good["x-signature-ed25519"]}`, `${good["x-signature-ed25519"]}0`]) {
      expect(await post(url, body, { ...good, "x-signature-ed25519": signature })).toMatchObject({ status: 401, connection: "close" });
    }
    expect(logs.lines().map((line) => line.reason)).toEqual(["malformed signature"]);
  });

  it("createDiscordPublicKey refuses a key with anything around its 64 hex digits", () => {
    expect(() => createDiscordPublicKey(`${publicKeyHex}0`)).toThrow(/64 hexadecimal/);
    expect(() => createDiscordPublicKey(`0${publicKeyHex}`)).toThrow(/64 hexadecimal/);
    expect(() => createDiscordPublicKey(publicKeyHex.toUpperCase())).not.toThrow();
  });

  it("checkDiscordHeaders uses the current time when not given a clock", () => {
    expect(checkDiscordHeaders("a".repeat(128), String(Math.floor(Date.now() / 1000)))).toEqual({ ok: true });
    expect(checkDiscordHeaders("a".repeat(128), String(NOW_S)).ok).toBe(false);
  });

  it("checkDiscordHeaders accepts a well-formed pair", () => {
    expect(checkDiscordHeaders("a".repeat(128), String(NOW_S), () => new Date(NOW_S * 1000))).toEqual({ ok: true });
    expect(checkDiscordHeaders("A".repeat(128), String(NOW_S), () => new Date(NOW_S * 1000))).toEqual({ ok: true });
  });
});
