import { describe, expect, it } from "vitest";
import { createMemoryButtonKeys } from "../../src/platforms/discord/buttonKeys.js";

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
