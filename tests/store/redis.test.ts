/**
 * What only the Redis store does: start without a server, lose it while running, and a server that hangs. All
 * against a real redis-server that this file starts, stops, pauses and starts again.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeRedisUrl } from "../../src/store/redis/connectRedis.js";
import { openRedisStore } from "../../src/store/redis/redisStore.js";
import type { Store } from "../../src/store/store.js";
import { capturingLogger, quietLogger } from "../support/logLines.js";
import { startRedisServer, type RedisServer } from "../support/redisServer.js";

let server: RedisServer;
const opened: Store[] = [];
const FAST_RECONNECT = { connectTimeoutMs: 500, maxReconnectDelayMs: 200, commandTimeoutMs: 300 };

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  // A test that failed half way must not leave the next one without a server.
  server.resume();
  if (!server.running) await server.restart();
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  await server.dispose();
});

async function open(logger = quietLogger, keyPrefix = `t${randomUUID().slice(0, 8)}:`): Promise<Store> {
  const store = await openRedisStore({ url: server.url, logger, keyPrefix, ...FAST_RECONNECT });
  opened.push(store);
  return store;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(25);
  }
}

const window = { limit: 2, windowMs: 60_000 };

describe("Redis unreachable at start", () => {
  it("says so in one line, answers limits and replays from memory, and connects once the server is there", async () => {
    await server.stop();
    const { logger, lines } = capturingLogger();
    const prefix = `t${randomUUID().slice(0, 8)}:`;
    const store = await open(logger, prefix);
    // Several reconnection attempts fail meanwhile; still one line.
    await sleep(1_000);
    const said = lines();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ level: 50 });
    expect(said[0]!.msg).toMatch(new RegExp(`^Redis at redis://127\\.0\\.0\\.1:${server.port}/0 is unavailable \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${server.port}\\): rate limits and replay keys use this process's memory`));
    expect(store.health()).toMatchObject({ backend: "redis", status: "unavailable", reason: expect.stringContaining("ECONNREFUSED") });

    // Commands keep being answered: limited per instance, replays refused within this instance.
    expect(await store.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
    expect(await store.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
    expect((await store.rateLimits.take("slack:U1", window)).allowed).toBe(false);
    expect(await store.replayKeys.firstSeen("discord:interaction:1", 60_000)).toBe(true);
    expect(await store.replayKeys.firstSeen("discord:interaction:1", 60_000)).toBe(false);
    // Data cannot be kept: the caller is told, to tell the user.
    await expect(store.keyValues.set("k", "v", 60_000)).rejects.toThrow();
    await expect(store.reminders.schedule([{ dueAt: Date.now(), platform: "slack", target: {}, text: "t" }])).rejects.toThrow();
    expect(lines()).toHaveLength(1);

    await server.restart();
    await until(() => store.health().status === "ok");
    expect(lines().at(-1)).toMatchObject({ level: 30, msg: expect.stringMatching(/^Redis at redis:\/\/127\.0\.0\.1:\d+\/0 is available again after \d+ s$/) });
    // Shared again: another instance sees what this one stores.
    const other = await open(quietLogger, prefix);
    expect(await store.replayKeys.firstSeen("discord:interaction:2", 60_000)).toBe(true);
    expect(await other.replayKeys.firstSeen("discord:interaction:2", 60_000)).toBe(false);
    await store.keyValues.set("k", "v", 60_000);
    expect(await other.keyValues.get("k")).toBe("v");
  });

  it("never writes the password of REDIS_URL in its line", async () => {
    await server.stop();
    const { logger, lines } = capturingLogger();
    const store = await openRedisStore({ url: `redis://bot:s3cret-pw@127.0.0.1:${server.port}/2`, logger, ...FAST_RECONNECT });
    opened.push(store);
    await sleep(300);
    expect(lines()[0]!.msg).toContain(`Redis at redis://127.0.0.1:${server.port}/2 is unavailable`);
    expect(JSON.stringify(lines())).not.toContain("s3cret");
    expect(JSON.stringify(store.health())).not.toContain("s3cret");
    expect(describeRedisUrl("rediss://:pw@cache.internal:6380")).toBe("rediss://cache.internal:6380/0");
    await server.restart();
  });
});

describe("Redis going away while running", () => {
  it("keeps answering, logs one line for the outage, and is shared again once the server is back", async () => {
    const { logger, lines } = capturingLogger();
    const prefix = `t${randomUUID().slice(0, 8)}:`;
    const store = await open(logger, prefix);
    const other = await open(quietLogger, prefix);
    expect(await store.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
    expect(await other.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
    expect((await store.rateLimits.take("slack:U1", window)).allowed).toBe(false);
    expect(lines().map((line) => line.msg)).toEqual(["store: Redis"]);

    await server.stop();
    await until(() => store.health().status === "unavailable");
    // A burst of commands during the outage: every one answered, from this process's memory.
    const decisions = await Promise.all(Array.from({ length: 50 }, (_, i) => store.rateLimits.take(`slack:V${i % 5}`, window)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    expect(await store.replayKeys.firstSeen("discord:interaction:9", 60_000)).toBe(true);
    await expect(store.reminders.claimDue({ now: Date.now(), claimant: "A", leaseMs: 1_000 })).rejects.toThrow();
    const errors = lines().filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/is unavailable \(.+\): rate limits and replay keys use this process's memory/);

    await server.restart();
    await until(() => store.health().status === "ok" && other.health().status === "ok");
    expect(lines().at(-1)!.msg).toMatch(/is available again/);
    // The server came back empty (no persistence in this test); both instances count one limit again.
    expect(await store.rateLimits.take("slack:U7", window)).toEqual({ allowed: true });
    expect(await other.rateLimits.take("slack:U7", window)).toEqual({ allowed: true });
    expect((await store.rateLimits.take("slack:U7", window)).allowed).toBe(false);
    const [reminder] = await store.reminders.schedule([{ dueAt: 1, platform: "slack", target: {}, text: "after the outage" }]);
    expect(await other.reminders.claimDue({ now: 2, claimant: "B", leaseMs: 1_000 })).toEqual([{ ...reminder, attempts: 1 }]);
  });

  it("does not let a server that stops answering hold up a command for longer than the command timeout", async () => {
    const store = await open();
    expect(await store.rateLimits.take("slack:U1", window)).toEqual({ allowed: true });
    server.pause();
    const started = Date.now();
    expect(await store.rateLimits.take("slack:U2", window)).toEqual({ allowed: true });
    expect(await store.replayKeys.firstSeen("discord:interaction:hung", 60_000)).toBe(true);
    // Two commands, each cut off by the 300 ms command timeout (generous bound for a loaded machine).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(store.health()).toMatchObject({ status: "unavailable", reason: expect.stringContaining("Command timed out") });
    server.resume();
    expect(await store.replayKeys.firstSeen("discord:interaction:after", 60_000)).toBe(true);
    expect(store.health()).toMatchObject({ status: "ok" });
  });
});
