/**
 * Timers with a bot token: the reminders go to the store (not this process's timers), the interaction's
 * `app_permissions` is the check that the bot may post in the channel, and a due reminder is posted over REST
 * with the bot token (mocked at the wire with nock).
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderDesk } from "../../src/app/reminderDesk.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createDiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";
import { createDiscordReminderPoster, createTimerKeeper } from "../../src/platforms/discord/keepTimers.js";
import { createMemoryStore, LATE_NOTE, type DueReminder, type Store } from "../../src/store/index.js";
import { captureLogs } from "../slack/slackHarness.js";
import { createTestKeyPair, signBody, slashCommand, startEndpoint, type TestEndpoint } from "./signedInteractions.js";

const knowledge = await loadKnowledge("knowledge");
const keys = createTestKeyPair();
const VIEW_AND_SEND = String((1n << 10n) | (1n << 11n));
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.bot-token-for-tests";

let endpoint: TestEndpoint | undefined;
let state: Store;
beforeEach(async () => {
  state = createMemoryStore();
  const logs = captureLogs();
  const handler = createDiscordInteractionsHandler({
    publicKey: keys.publicKeyHex,
    registry: createCommandRegistry(() => knowledge),
    logger: logs.logger,
    timers: createTimerKeeper(createReminderDesk(state, logs.logger), logs.logger),
  });
  endpoint = await startEndpoint(handler);
});
afterEach(async () => {
  await endpoint?.close();
  nock.cleanAll();
});

async function send(payload: unknown) {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(endpoint!.url, {
    method: "POST",
    headers: { "x-signature-ed25519": signBody(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp },
    body: raw,
  });
  return (await response.json()) as { type: number; data: { flags?: number; embeds?: Array<{ title?: string; description?: string }> } };
}

const timer = (appPermissions: string, extra: object = {}) => ({
  ...slashCommand("timer", [
    { name: "minutes", type: 4, value: 20 },
    { name: "label", type: 3, value: "rebuttal" },
  ]),
  app_permissions: appPermissions,
  ...extra,
});

describe("Discord /timer with a bot token", () => {
  it("keeps both reminders in the store, past the interaction token's 15 minutes", async () => {
    const before = Date.now();
    const body = await send(timer(VIEW_AND_SEND));
    expect(body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(body.data)).toContain("Timer: 20 minutes for rebuttal.");
    const pending = await state.reminders.pending();
    expect(pending.map((reminder) => [reminder.platform, reminder.target.channel, reminder.text])).toEqual([
      ["discord", "444444444444444444", "1 minute left for rebuttal."],
      ["discord", "444444444444444444", "Time is up for rebuttal: 20 minutes."],
    ]);
    expect(Math.abs(pending[1]!.dueAt - before - 20 * 60_000)).toBeLessThan(2_000);
  });

  it.each([
    ["no Send Messages", String(1n << 10n), {}],
    ["no View Channel", String(1n << 11n), {}],
    ["Send Messages but in a thread, without Send Messages in Threads", VIEW_AND_SEND, { channel: { id: "444444444444444444", type: 11 } }],
    ["a group DM, outside any server", "0", { guild_id: undefined, context: 2 }],
  ])("in a channel it cannot post in (%s): tells the user at once, privately, and keeps nothing", async (_case, permissions, extra) => {
    const body = await send(timer(permissions, extra));
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body.data)).toContain("I can't post reminders here");
    expect(await state.reminders.pending()).toEqual([]);
  });

  it("an administrator may post anywhere; a thread with Send Messages in Threads is fine", async () => {
    await send(timer(String(1n << 3n)));
    await send(timer(String((1n << 10n) | (1n << 38n)), { channel: { id: "999999999999999999", type: 11 } }));
    expect((await state.reminders.pending()).length).toBe(4);
  });

  it("says so when the store cannot keep them", async () => {
    await state.close();
    const body = await send(timer(VIEW_AND_SEND));
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body.data)).toContain("can't keep reminders right now");
  });
});

describe("the Discord reminder poster", () => {
  const due = (late: boolean): DueReminder => ({
    id: "r1",
    dueAt: Date.now(),
    platform: "discord",
    target: { channel: "444444444444444444" },
    text: "Time is up for @everyone <@123456789012345678>",
    scheduledAt: Date.now(),
    attempts: 1,
    lateByMs: late ? 60_000 : 0,
    late,
  });

  it("posts to the channel over REST with the bot token, nobody pinged, and the late note when late", async () => {
    const bodies: Array<{ content: string; allowed_mentions: unknown }> = [];
    const api = nock("https://discord.com", { reqheaders: { authorization: `Bot ${TOKEN}` } })
      .post("/api/v10/channels/444444444444444444/messages", (body: { content: string; allowed_mentions: unknown }) => {
        bodies.push(body);
        return true;
      })
      .times(2)
      .reply(200, { id: "1" });
    const post = createDiscordReminderPoster(TOKEN, captureLogs().logger);
    await post(due(false));
    await post(due(true));
    expect(api.isDone()).toBe(true);
    expect(bodies[0]!.allowed_mentions).toEqual({ parse: [] });
    expect(bodies[0]!.content).not.toContain(LATE_NOTE);
    expect(bodies[1]!.content).toMatch(/\(late: the bot restarted\)$/);
  });

  it("throws on 429 and 5xx (tried again), gives up with a log line on 403 (missing access)", async () => {
    const logs = captureLogs();
    const post = createDiscordReminderPoster(TOKEN, logs.logger);
    nock("https://discord.com").post("/api/v10/channels/444444444444444444/messages").reply(429, { retry_after: 1 });
    await expect(post(due(false))).rejects.toThrow(/429/);
    nock("https://discord.com").post("/api/v10/channels/444444444444444444/messages").reply(503);
    await expect(post(due(false))).rejects.toThrow(/503/);
    nock("https://discord.com").post("/api/v10/channels/444444444444444444/messages").reply(403, { code: 50001, message: "Missing Access" });
    await expect(post(due(false))).resolves.toBeUndefined();
    expect(logs.lines().some((line) => line.msg === "discord reminder given up: the bot cannot post there" && line.status === 403)).toBe(true);
  });
});
