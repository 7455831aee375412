/**
 * Two real `npm start` processes sharing one redis-server, with Slack's and Discord's APIs mocked at the wire
 * inside each (fixtures/platformApis.ts) and requests signed as the platforms sign them: one per-user limit
 * whichever instance answers; a Discord interaction answered by one refused by the other; a timer started on A
 * rings once, from B, on time, after A is killed with SIGKILL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordKeys, discordInteraction, signedDiscordRequest, slackSlashCommand } from "../support/signedRequests.js";
import { startRedisServer, type RedisServer } from "../support/redisServer.js";
import { postedMessages, sendSigned, startBot, type BotProcess } from "./botProcesses.js";

const keys = createDiscordKeys();
let redis: RedisServer;
let dir: string;
let postsFile: string;
let a: BotProcess;
let b: BotProcess;

beforeAll(async () => {
  redis = await startRedisServer();
  dir = mkdtempSync(join(tmpdir(), "gt-bots-"));
  postsFile = join(dir, "posted.jsonl");
  const env = {
    REDIS_URL: redis.url,
    RATE_LIMIT: "10/10s",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: "xoxb-000000000000-000000000000-twoinstancestwoinstances",
    SLACK_SIGNING_SECRET: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
  };
  [a, b] = await Promise.all([startBot(env, postsFile), startBot(env, postsFile)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two bot instances sharing one Redis", () => {
  it("report the shared store on /healthz", async () => {
    for (const bot of [a, b]) {
      const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { store: unknown };
      expect(health.store).toEqual({ backend: "redis", status: "ok" });
    }
  });

  it("enforce one per-user limit: the 11th command in 10 s is refused whichever instance gets it", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const bot = i % 2 === 0 ? a : b;
      answers.push((await sendSigned(bot, slackSlashCommand("source", "minsk", "ULIMIT01"))).text);
    }
    const refused = answers.map((text) => text.includes("One moment"));
    expect(refused.slice(0, 10)).toEqual(Array(10).fill(false));
    // The 11th went to A, the 12th to B: both refused, though each had answered only five.
    expect(refused.slice(10)).toEqual([true, true]);
    // Another user is not affected.
    expect((await sendSigned(b, slackSlashCommand("source", "minsk", "UOTHER01"))).text).not.toContain("One moment");
  });

  it("refuse on B a Discord interaction already answered by A (signed for real)", async () => {
    const request = signedDiscordRequest(keys.privateKey, discordInteraction("source", { name: "minsk" }, "222222222222222222"));
    const first = await sendSigned(a, request);
    expect(first.status).toBe(200);
    const replayed = await sendSigned(b, request);
    expect(replayed.status).toBe(409);
    expect(JSON.parse(replayed.text)).toEqual({ error: "interaction already handled" });
    // And a Slack request answered by B is refused by A.
    const slack = slackSlashCommand("source", "minsk", "UREPLAY1");
    expect((await sendSigned(b, slack)).status).toBe(200);
    expect((await sendSigned(a, slack)).status).toBe(409);
  });

  it(
    "ring a timer started on A once, from B, on time, after A is killed with SIGKILL",
    async () => {
      const sentAt = Date.now();
      const started = await sendSigned(a, slackSlashCommand("timer", "1 closing", "UTIMER01"));
      const answeredAt = Date.now();
      expect(started.status).toBe(200);
      // The timer itself was posted by A with the bot token, to the channel.
      const announced = postedMessages(postsFile).filter((post) => post.pid === a.pid && post.body.channel === "C0001");
      expect(announced.map((post) => post.body.blocks).join()).toContain("Timer: 1 minute for closing.");
      await a.kill();

      const timeUp = (text: string | undefined) => text?.startsWith("Time is up for closing: 1 minute.") ?? false;
      const deadline = sentAt + 60_000 + 10_000;
      while (!postedMessages(postsFile).some((post) => timeUp(post.body.text)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Time for a second post to show, if one were coming.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const rang = postedMessages(postsFile).filter((post) => timeUp(post.body.text));
      expect(rang).toHaveLength(1);
      expect(rang[0]).toMatchObject({ api: "slack", pid: b.pid, body: { channel: "C0001", text: "Time is up for closing: 1 minute." } });
      // Due 60 s after A received the command (between sending it and the answer): posted within 2 s of that.
      expect(rang[0]!.at).toBeGreaterThanOrEqual(sentAt + 60_000);
      expect(rang[0]!.at).toBeLessThanOrEqual(answeredAt + 60_000 + 2_000);
    },
    120_000,
  );
});
