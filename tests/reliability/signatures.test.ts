/**
 * The production HTTP server (both platforms in HTTP mode on one port, wired as main.ts wires it) refuses
 * every request it cannot prove came from Slack or Discord, runs nothing for them, refuses bodies over 1 MB,
 * and survives a command that throws: the user gets an apology with a reference id, the log has the same id,
 * and the next request is answered.
 */
import { Readable, Writable } from "node:stream";
import nock from "nock";
import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  botEnvironment,
  createDiscordKeys,
  discordInteraction,
  nowSeconds,
  SLACK_SIGNING_SECRET,
  signedDiscordRequest,
  slackSignature,
  slackSlashCommand,
  type SignedRequest,
} from "../support/signedRequests.js";
import { startBotServer, type BotServer } from "../support/startBotServer.js";
import type { CommandDefinition } from "../../src/commands/registry/types.js";
import { createLogger } from "../../src/logger.js";

const MINSK_PHRASE = "Russia has violated multiple agreements, from the Minsk accords (2014-2015)";
const FIVE_MINUTES_AND_A_SECOND_MS = 301_000;
const MB = 1024 * 1024;

const explodingCommand: CommandDefinition = {
  name: "explode",
  description: "Fails on purpose",
  usage: "",
  options: [],
  handler: () => {
    throw new Error("handler exploded on purpose");
  },
};

const keys = createDiscordKeys();
const otherKeys = createDiscordKeys();
const logChunks: string[] = [];
let bot: BotServer;
let runs: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
let userCounter = 0;

/** A new user per request, so the production rate limit (10 in 10 s per user) never answers instead. */
const slackUser = () => `U${String(++userCounter).padStart(8, "0")}`;
const discordUser = () => String(200_000_000_000_000_000n + BigInt(++userCounter));

beforeAll(async () => {
  // Loopback only: the Slack token check at startup is answered here, anything else off-host fails loudly.
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  nock("https://slack.com").post("/api/auth.test").reply(200, { ok: true, team: "Test", user_id: "UBOT", bot_id: "BBOT" });
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logChunks.push(String(chunk));
      done();
    },
  });
  runs = vi.fn<(...args: unknown[]) => void>();
  bot = await startBotServer({
    env: botEnvironment(keys.publicKeyHex),
    logger: createLogger({ level: "info", destination }),
    extraCommands: [explodingCommand],
    // Every command run passes the outermost wrapper, button clicks (runInvocation) included.
    around: [
      (request, next) => {
        runs("run", request);
        return next(request);
      },
    ],
  });
  // Autocomplete does not run a command; it is watched on the registry the adapters were given.
  for (const method of ["runInvocation", "complete"] as const) {
    const original = bot.registry[method].bind(bot.registry) as (...args: unknown[]) => unknown;
    Object.defineProperty(bot.registry, method, {
      value: (...args: unknown[]) => {
        runs(method, ...args);
        return original(...args);
      },
    });
  }
});

afterAll(async () => {
  await bot?.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

afterEach(() => {
  vi.useRealTimers();
  runs.mockClear();
});

async function send(signed: SignedRequest, changes: { headers?: Record<string, string | undefined>; body?: string } = {}) {
  const headers: Record<string, string> = { ...signed.headers };
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const response = await request(`http://127.0.0.1:${bot.port}${signed.path}`, {
    method: "POST",
    headers,
    body: changes.body ?? signed.body,
  });
  return { status: response.statusCode, text: await response.body.text() };
}

/** Signature headers of the right form and a fresh timestamp, over no particular body. */
function wellFormedSignatureHeaders(path: string): Record<string, string> {
  const timestamp = String(nowSeconds());
  return path.startsWith("/slack")
    ? { "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${"0".repeat(64)}` }
    : { "x-signature-timestamp": timestamp, "x-signature-ed25519": "0".repeat(128) };
}

function logLines(): Array<Record<string, unknown>> {
  return logChunks.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("Slack: only correctly signed, fresh, unaltered requests run", () => {
  const minsk = () => slackSlashCommand("source", "minsk", slackUser());

  it("answers a correctly signed slash command (the control)", async () => {
    const { status, text } = await send(minsk());
    expect(status).toBe(200);
    expect(text).toContain(MINSK_PHRASE);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  const refusals: Array<[string, () => [SignedRequest, Parameters<typeof send>[1]]]> = [
    ["a signature made with another secret", () => [slackSlashCommand("source", "minsk", slackUser(), { secret: "ffffffffffffffffffffffffffffffff" }), {}]],
    ["a missing signature", () => [minsk(), { headers: { "x-slack-signature": undefined } }]],
    ["a missing timestamp", () => [minsk(), { headers: { "x-slack-request-timestamp": undefined } }]],
    ["a truncated signature", () => { const r = minsk(); return [r, { headers: { "x-slack-signature": r.headers["x-slack-signature"]!.slice(0, 40) } }]; }],
    ["a signature with one character changed", () => { const r = minsk(); const s = r.headers["x-slack-signature"]!; return [r, { headers: { "x-slack-signature": s.slice(0, -1) + (s.endsWith("0") ? "1" : "0") } }]; }],
    ["an empty signature", () => [minsk(), { headers: { "x-slack-signature": "" } }]],
    ["a stale timestamp, correctly signed", () => [slackSlashCommand("source", "minsk", slackUser(), { timestamp: nowSeconds() - 301 }), {}]],
    ["a timestamp from the future, correctly signed", () => [slackSlashCommand("source", "minsk", slackUser(), { timestamp: nowSeconds() + 301 }), {}]],
    ["a body changed after signing", () => { const r = minsk(); return [r, { body: r.body.replace("text=minsk", "text=bucha") }]; }],
    ["a signature over the timestamp only", () => { const r = minsk(); const t = r.headers["x-slack-request-timestamp"]!; return [r, { headers: { "x-slack-signature": slackSignature(SLACK_SIGNING_SECRET, t, "") } }]; }],
  ];
  it.each(refusals)("refuses %s with 401 and runs nothing", async (_name, make) => {
    const [signed, changes] = make();
    const { status } = await send(signed, changes);
    expect(status).toBe(401);
    expect(runs).not.toHaveBeenCalled();
  });

  it("refuses a captured request replayed more than five minutes later", async () => {
    const captured = minsk();
    expect((await send(captured)).status).toBe(200);
    runs.mockClear();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + FIVE_MINUTES_AND_A_SECOND_MS });
    expect((await send(captured)).status).toBe(401);
    expect(runs).not.toHaveBeenCalled();
  });
});

describe("Discord: only correctly signed, fresh, unaltered, first-time interactions run", () => {
  const minsk = () => signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, discordUser()));

  it("answers a correctly signed interaction (the control)", async () => {
    const { status, text } = await send(minsk());
    expect(status).toBe(200);
    expect(text).toContain(MINSK_PHRASE);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  const refusals: Array<[string, () => [SignedRequest, Parameters<typeof send>[1]]]> = [
    ["a signature made with another key", () => [signedDiscordRequest(otherKeys.privateKey, discordInteraction("source", { name: "minsk" }, discordUser())), {}]],
    ["a missing signature", () => [minsk(), { headers: { "x-signature-ed25519": undefined } }]],
    ["a missing timestamp", () => [minsk(), { headers: { "x-signature-timestamp": undefined } }]],
    ["a truncated signature", () => { const r = minsk(); return [r, { headers: { "x-signature-ed25519": r.headers["x-signature-ed25519"]!.slice(0, 64) } }]; }],
    ["a signature with one character changed", () => { const r = minsk(); const s = r.headers["x-signature-ed25519"]!; return [r, { headers: { "x-signature-ed25519": s.slice(0, -1) + (s.endsWith("0") ? "1" : "0") } }]; }],
    ["a signature that is not hex", () => [minsk(), { headers: { "x-signature-ed25519": "z".repeat(128) } }]],
    ["a stale timestamp, correctly signed", () => [signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, discordUser()), nowSeconds() - 301), {}]],
    ["a timestamp from the future, correctly signed", () => [signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, discordUser()), nowSeconds() + 301), {}]],
    ["a body changed after signing", () => { const r = minsk(); return [r, { body: r.body.replace('"minsk"', '"bucha"') }]; }],
    ["a PING with a bad signature (Discord's own endpoint check)", () => { const r = signedDiscordRequest(otherKeys.privateKey, { id: "1", application_id: "1", type: 1, token: "t", version: 1 }); return [r, {}]; }],
  ];
  it.each(refusals)("refuses %s with 401 and runs nothing", async (_name, make) => {
    const [signed, changes] = make();
    const { status } = await send(signed, changes);
    expect(status).toBe(401);
    expect(runs).not.toHaveBeenCalled();
  });

  it("refuses a captured interaction replayed more than five minutes later, and one replayed at once", async () => {
    const captured = minsk();
    expect((await send(captured)).status).toBe(200);
    runs.mockClear();
    expect((await send(captured)).status).toBe(409);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + FIVE_MINUTES_AND_A_SECOND_MS });
    expect((await send(captured)).status).toBe(401);
    expect(runs).not.toHaveBeenCalled();
  });
});

describe("bodies over 1 MB are refused with 413 on both paths", () => {
  const oversized = "x".repeat(MB + 1);
  const paths = ["/slack/events", "/discord/interactions"];

  it.each(paths)("%s, with the size announced in Content-Length", async (path) => {
    const response = await request(`http://127.0.0.1:${bot.port}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: oversized });
    await response.body.dump();
    expect(response.statusCode).toBe(413);
    expect(runs).not.toHaveBeenCalled();
  });

  it.each(paths)("%s, streamed without a length", async (path) => {
    const chunks = Array.from({ length: 17 }, () => Buffer.alloc(64 * 1024, 0x78));
    const response = await request(`http://127.0.0.1:${bot.port}${path}`, {
      method: "POST",
      // Headers that could be valid: without them the body would be refused unread, with 401.
      headers: { "content-type": "application/json", ...wellFormedSignatureHeaders(path) },
      body: Readable.from(chunks),
    });
    await response.body.dump();
    expect(response.statusCode).toBe(413);
    expect(runs).not.toHaveBeenCalled();
  });

  it("still answers after the refusals", async () => {
    const { status, text } = await send(slackSlashCommand("source", "minsk", slackUser()));
    expect(status).toBe(200);
    expect(text).toContain(MINSK_PHRASE);
  });
});

describe("a repeated command, answered from the reply cache", () => {
  it("gets the same answer on each platform, and every run is still logged", async () => {
    const commandLines = () => logLines().filter((line) => line.msg === "command");
    const before = commandLines().length;
    const slack = [await send(slackSlashCommand("cite", "mearsheimer", slackUser())), await send(slackSlashCommand("cite", "mearsheimer", slackUser()))];
    const discord = [
      await send(signedDiscordRequest(keys.privateKey, discordInteraction("cite", { source: "mearsheimer" }, discordUser()))),
      await send(signedDiscordRequest(keys.privateKey, discordInteraction("cite", { source: "mearsheimer" }, discordUser()))),
    ];
    for (const [first, again] of [slack, discord]) {
      expect(first!.status).toBe(200);
      expect(first!.text).toContain("Mearsheimer");
      expect(again!.text).toBe(first!.text);
    }
    expect(runs).toHaveBeenCalledTimes(4);
    expect(commandLines().slice(before).map((line) => `${line.platform} ${line.command} ${line.outcome}`)).toEqual([
      "slack cite answer",
      "slack cite answer",
      "discord cite answer",
      "discord cite answer",
    ]);
  });
});

describe("a command that throws", () => {
  const apology = /Sorry, that command failed on our side\. If it keeps happening, mention reference ([0-9a-f]{8})\./;

  function loggedFailure(referenceId: string) {
    return logLines().find((line) => line.msg === "command failed" && line.referenceId === referenceId);
  }

  it("on Slack: a private apology with a reference id, the same id in the log, and the next request answered", async () => {
    const { status, text } = await send(slackSlashCommand("explode", "", slackUser()));
    expect(status).toBe(200);
    const body = JSON.parse(text) as { response_type: string };
    expect(body.response_type).toBe("ephemeral");
    const referenceId = apology.exec(text)?.[1];
    expect(referenceId, text).toBeDefined();
    const line = loggedFailure(referenceId!);
    expect(line).toMatchObject({ level: 50, command: "explode", platform: "slack" });
    expect(JSON.stringify(line)).toContain("handler exploded on purpose");

    const next = await send(slackSlashCommand("source", "minsk", slackUser()));
    expect(next.status).toBe(200);
    expect(next.text).toContain(MINSK_PHRASE);
  });

  it("on Discord: the same, and the apology is ephemeral", async () => {
    const { status, text } = await send(signedDiscordRequest(keys.privateKey, discordInteraction("explode", {}, discordUser())));
    expect(status).toBe(200);
    const body = JSON.parse(text) as { type: number; data: { flags?: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    const referenceId = apology.exec(text)?.[1];
    expect(referenceId, text).toBeDefined();
    expect(loggedFailure(referenceId!)).toMatchObject({ command: "explode", platform: "discord" });

    const next = await send(signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, discordUser())));
    expect(next.status).toBe(200);
    expect(next.text).toContain(MINSK_PHRASE);
  });

  it("health stays ok, and no secret or signature reached the log", async () => {
    const health = await request(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.statusCode).toBe(200);
    expect(await health.body.json()).toMatchObject({ status: "ok", documents: 1 });
    const log = logChunks.join("");
    expect(log).toContain("command failed");
    expect(log).not.toContain(SLACK_SIGNING_SECRET);
    expect(log).not.toMatch(/v0=[0-9a-f]{64}/);
    expect(log).not.toMatch(/[0-9a-f]{128}/);
  });
});
