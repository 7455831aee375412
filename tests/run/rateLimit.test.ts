import { describe, expect, it, vi } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { KnowledgeBase } from "../../src/knowledge/index.js";
import { parseRateLimit } from "../../src/app/parseRateLimit.js";
import { rateLimitCommands } from "../../src/app/rateLimitCommands.js";
import { createMemoryStore, type RateLimits } from "../../src/store/index.js";
import { wrapCommandRuns } from "../../src/commands/registry/wrapCommandRuns.js";
import type { CommandRequest } from "../../src/commands/index.js";
import { silentLogger } from "../../src/logger.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";


describe("the per-user limit over the store", () => {
  it("allows 10 in 10 seconds per user in a fixed window from the first command, refuses the 11th, and allows again when it ends", async () => {
    const limits = createMemoryStore().rateLimits;
    const window = { limit: 10, windowMs: 10_000 };
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await limits.take("slack:U1", window)).allowed).toBe(true);
        vi.advanceTimersByTime(500);
      }
      // 5 s after the first take: refused until the window that opened with it ends.
      expect(await limits.take("slack:U1", window)).toEqual({ allowed: false, retryAfterMs: 5_000 });
      expect((await limits.take("slack:U2", window)).allowed).toBe(true);
      vi.advanceTimersByTime(5_000);
      expect((await limits.take("slack:U1", window)).allowed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("parseRateLimit", () => {
  it("reads counts per window and 0/off", () => {
    expect(parseRateLimit("10/10s")).toEqual({ limit: 10, windowMs: 10_000 });
    expect(parseRateLimit("20/1m")).toEqual({ limit: 20, windowMs: 60_000 });
    expect(parseRateLimit("100/h")).toEqual({ limit: 100, windowMs: 3_600_000 });
    expect(parseRateLimit("0")).toBeNull();
    expect(parseRateLimit("10")).toBeUndefined();
    expect(parseRateLimit("10/0s")).toBeUndefined();
  });
});

describe("rateLimitCommands", () => {
  const knowledge = new KnowledgeBase([], []);
  const request = (platform: CommandRequest["platform"], id = "U1"): CommandRequest => ({
    command: "help",
    user: { id },
    platform,
  });

  it("answers the 11th command in 10 seconds with a friendly private note instead of running it", async () => {
    let runs = 0;
    const inner = createCommandRegistry(() => knowledge);
    const counting = wrapCommandRuns(inner, (req, next) => {
      runs++;
      return next(req);
    });
    const limited = wrapCommandRuns(counting, rateLimitCommands(createMemoryStore().rateLimits, { limit: 10, windowMs: 10_000 }));
    for (let i = 0; i < 10; i++) expect((await limited.run(request(slackTraits))).title).not.toBe("One moment");
    const refused = await limited.run(request(slackTraits));
    expect(refused).toMatchObject({ title: "One moment", visibility: "private", kind: "notice", quotes: [] });
    expect(refused.text).toMatch(/Try again in 10 seconds\./);
    expect(runs).toBe(10);
    // Another user, and the same id on another platform, are not affected.
    expect((await limited.run(request(slackTraits, "U2"))).title).not.toBe("One moment");
    expect((await limited.run(request(discordTraits))).title).not.toBe("One moment");
  });

  it("lets commands through when the store fails outright (closed while shutting down)", async () => {
    const failing: RateLimits = { take: async () => Promise.reject(new Error("store closed")) };
    const limited = wrapCommandRuns(createCommandRegistry(() => knowledge), rateLimitCommands(failing, { limit: 1, windowMs: 10_000 }));
    for (let i = 0; i < 3; i++) expect((await limited.run(request(slackTraits))).title).not.toBe("One moment");
  });

  it("limits button clicks too, since runInvocation goes through the wrapped run", async () => {
    const limited = wrapCommandRuns(
      createCommandRegistry(() => knowledge),
      rateLimitCommands(createMemoryStore().rateLimits, { limit: 1, windowMs: 10_000 }),
    );
    await limited.run(request(discordTraits));
    const clicked = await limited.runInvocation("gt1|help|0||", { id: "U1" }, discordTraits);
    expect(clicked.title).toBe("One moment");
  });

  it("never limits the console, whose one user is at the keyboard", async () => {
    const limited = wrapCommandRuns(
      createCommandRegistry(() => knowledge),
      rateLimitCommands(createMemoryStore().rateLimits, { limit: 1, windowMs: 10_000 }),
    );
    for (let i = 0; i < 5; i++) expect((await limited.run(request(consoleTraits))).title).not.toBe("One moment");
  });

  it("keeps the registry's other methods working through the wrapper", () => {
    const limited = wrapCommandRuns(createCommandRegistry(() => knowledge), async (req, next) => next(req));
    expect(limited.list().map((command) => command.name)).toContain("source");
    expect(limited.get("/SOURCE")?.name).toBe("source");
  });
});

describe("createBotRegistry", () => {
  const knowledge = new KnowledgeBase([], []);
  const run = (registry: ReturnType<typeof createBotRegistry>) =>
    registry.run({ command: "help", user: { id: "U9" }, platform: slackTraits });

  it("counts in the store it is given, so two registries on one store share one limit", async () => {
    const state = createMemoryStore();
    const first = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: parseRateLimit("2/10s")!, state });
    const second = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: parseRateLimit("2/10s")!, state });
    const titles = [(await run(first)).title, (await run(second)).title, (await run(first)).title, (await run(second)).title];
    expect(titles.slice(0, 2)).not.toContain("One moment");
    expect(titles.slice(2)).toEqual(["One moment", "One moment"]);
  });

  it("applies RATE_LIMIT to every command, and RATE_LIMIT=0 (null) turns it off", async () => {
    const limited = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: parseRateLimit("2/10s")! });
    const titles = [];
    for (let i = 0; i < 3; i++) titles.push((await run(limited)).title);
    expect(titles[2]).toBe("One moment");
    expect(titles.slice(0, 2)).not.toContain("One moment");

    const unlimited = createBotRegistry({ knowledge: () => knowledge, logger: silentLogger, rateLimit: null });
    for (let i = 0; i < 30; i++) expect((await run(unlimited)).title).not.toBe("One moment");
  });
});
