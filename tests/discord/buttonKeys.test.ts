import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryButtonKeys, createStoreButtonKeys } from "../../src/platforms/discord/buttonKeys.js";
import { redisBackend, sqliteBackend } from "../support/storeBackends.js";

describe("memory button keys", () => {
  const value = `gt1|ask|1||question=${"why did the talks fail ".repeat(10)}`;

  it("gives the same short key for the same value, and the value back for the key", async () => {
    const keys = createMemoryButtonKeys();
    const key = (await keys.keep(value))!;
    expect(key.length).toBeLessThanOrEqual(100);
    expect(await keys.keep(value)).toBe(key);
    expect(await keys.resolve(key)).toBe(value);
    expect(await keys.resolve(value)).toBeUndefined();
  });

  it("forgets a key after its time to live, and the least recently used when full", async () => {
    const short = createMemoryButtonKeys({ ttlMs: 30 });
    const key = (await short.keep(value))!;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await short.resolve(key)).toBeUndefined();

    const small = createMemoryButtonKeys({ maxCharacters: value.length * 2 });
    const first = (await small.keep(value))!;
    await small.keep(`${value} 2`);
    await small.keep(`${value} 3`);
    expect(await small.resolve(first)).toBeUndefined();
    expect(await small.resolve((await small.keep(`${value} 3`))!)).toBe(`${value} 3`);
  });
});

describe("button keys in the shared store", () => {
  const value = `gt1|ask|1||question=${"why did the talks fail ".repeat(10)}`;
  let redis: Awaited<ReturnType<typeof redisBackend>>;
  beforeAll(async () => {
    redis = await redisBackend();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("a key handed out by one instance (Redis client) resolves on another, the same key each time, and only our keys are looked up", async () => {
    const state = redis.fresh();
    try {
      const a = createStoreButtonKeys((await state.open()).keyValues);
      const b = createStoreButtonKeys((await state.open()).keyValues);
      const key = (await a.keep(value))!;
      expect(key).toMatch(/^gtk\|/);
      expect(key.length).toBeLessThanOrEqual(100);
      expect(await b.keep(value)).toBe(key);
      expect(await b.resolve(key)).toBe(value);
      expect(await b.resolve("gtk|unknown")).toBeUndefined();
      expect(await b.resolve(value)).toBeUndefined();
    } finally {
      await state.close();
    }
  });

  it("survives a restart of a single process on SQLite, and expires with its time to live", async () => {
    const sqlite = sqliteBackend();
    const state = sqlite.fresh();
    try {
      const first = await state.open();
      const key = (await createStoreButtonKeys(first.keyValues).keep(value))!;
      const shortKey = (await createStoreButtonKeys(first.keyValues, 30).keep(`${value} short`))!;
      await first.close();
      const reopened = createStoreButtonKeys((await state.open()).keyValues);
      expect(await reopened.resolve(key)).toBe(value);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await reopened.resolve(shortKey)).toBeUndefined();
    } finally {
      await state.close();
      await sqlite.stop();
    }
  });
});
