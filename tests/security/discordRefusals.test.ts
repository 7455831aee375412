/**
 * The Discord endpoint over the production server: every interaction shape ends in an answer or a logged
 * refusal (never a crash), headers that cannot be valid are refused before the body is read, and refusals
 * are logged once a minute per reason.
 */
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { discordInteraction, discordInteractionBase, nowSeconds, signedDiscordRequest } from "../support/signedRequests.js";
import { rawRequest, startBotUnderTest, type BotUnderTest } from "./botUnderTest.js";

let bot: BotUnderTest;
let ids = 5_000_000_000_000_000_000n;
const freshId = () => String(++ids);
const member = "222222222222222222";

beforeAll(async () => {
  bot = await startBotUnderTest();
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(() => {
  bot.runs.length = 0;
});

async function sendSigned(payload: unknown) {
  const signed = signedDiscordRequest(bot.keys.privateKey, payload);
  const response = await request(`http://127.0.0.1:${bot.bot.port}${signed.path}`, { method: "POST", headers: signed.headers, body: signed.body });
  return { status: response.statusCode, text: await response.body.text() };
}

const base = () => discordInteractionBase(freshId(), member);

describe("every interaction shape gets an answer or a refusal, and the server keeps serving", () => {
  const shapes: Array<[string, () => unknown]> = [
    ["a component click (type 3) with no data", () => ({ ...base(), type: 3 })],
    ["a component click whose data has no custom_id", () => ({ ...base(), type: 3, data: { component_type: 2 } })],
    ["a component click whose custom_id is a number", () => ({ ...base(), type: 3, data: { component_type: 2, custom_id: 7 } })],
    ["a component click whose data is a string", () => ({ ...base(), type: 3, data: "gt|source|1" })],
    ["a command (type 2) with no data", () => ({ ...base(), type: 2 })],
    ["a command whose data is null", () => ({ ...base(), type: 2, data: null })],
    ["an autocomplete (type 4) with no data", () => ({ ...base(), type: 4 })],
    ["a modal submit (type 5)", () => ({ ...base(), type: 5, data: { custom_id: "x", components: [] } })],
    ["an unknown type", () => ({ ...base(), type: 99 })],
    ["a message command with nothing resolved", () => ({ ...base(), type: 2, data: { id: "1", type: 3, name: "Find in document", target_id: "9" } })],
  ];

  it.each(shapes)("%s", async (_name, make) => {
    const { status, text } = await sendSigned(make());
    expect([200, 500]).toContain(status);
    if (status === 500) expect(bot.logText()).toContain("discord interaction failed");
    else expect(JSON.parse(text)).toHaveProperty("type");
    // Still serving: a real command is answered.
    const next = await sendSigned(discordInteraction("source", { name: "minsk" }, member));
    expect(next.status).toBe(200);
    expect(next.text).toContain("Minsk");
  });

  it("answers the dataless click with a private note, not a crash", async () => {
    const { status, text } = await sendSigned({ ...base(), type: 3 });
    expect(status).toBe(200);
    const body = JSON.parse(text) as { type: number; data: { flags: number; embeds?: Array<{ title?: string }>; content?: string } };
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    expect(JSON.stringify(body.data)).toMatch(/Not supported/);
  });

  it("refuses with 400 a signed body that is not an interaction, or has no id to guard against replays", async () => {
    for (const payload of [[], "text", { type: "2", id: freshId() }, { type: 2 }, { type: 2, id: 5 }]) {
      expect((await sendSigned(payload)).status).toBe(400);
    }
    expect(bot.runs).toEqual([]);
  });
});

describe("headers that cannot be valid are refused before the body is read", () => {
  const head = (headers: string[]) =>
    ["POST /discord/interactions HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 1000000", ...headers].join("\r\n");

  it.each([
    ["no signature", () => [`X-Signature-Timestamp: ${nowSeconds()}`]],
    ["a signature that is not hex", () => [`X-Signature-Timestamp: ${nowSeconds()}`, `X-Signature-Ed25519: ${"z".repeat(128)}`]],
    ["a stale timestamp", () => [`X-Signature-Timestamp: ${nowSeconds() - 400}`, `X-Signature-Ed25519: ${"a".repeat(128)}`]],
    ["a timestamp from the future", () => [`X-Signature-Timestamp: ${nowSeconds() + 400}`, `X-Signature-Ed25519: ${"a".repeat(128)}`]],
  ])("%s: 401 before the announced megabyte arrives, connection closed", async (_name, headers) => {
    const answer = await rawRequest(bot.bot.port, head(headers()), '{"type":', 3_000);
    expect(answer.status).toBe(401);
    expect(answer.head.toLowerCase()).toContain("connection: close");
    expect(answer.ms).toBeLessThan(2_500);
  });
});

describe("refusals are logged", () => {
  it("once a minute per reason, with the reason and status, never the signature", async () => {
    const before = bot.logLines().length;
    for (let i = 0; i < 10; i++) {
      const signed = signedDiscordRequest(bot.keys.privateKey, discordInteraction("source", { name: "minsk" }, member));
      const tampered = signed.body.replace('"minsk"', '"other"');
      const response = await request(`http://127.0.0.1:${bot.bot.port}${signed.path}`, { method: "POST", headers: signed.headers, body: tampered });
      expect(response.statusCode).toBe(401);
      await response.body.dump();
    }
    const refusals = bot.logLines().slice(before).filter((line) => line.msg === "discord interaction refused");
    expect(refusals).toEqual([expect.objectContaining({ reason: "signature does not match", status: 401 })]);
    expect(bot.logText()).not.toMatch(/[0-9a-f]{128}/);
  });
});
