import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { KnowledgeBase } from "../../src/knowledge/index.js";
import { parseRateLimit } from "../../src/app/parseRateLimit.js";
import { rateLimitCommands } from "../../src/app/rateLimitCommands.js";
import { SlidingWindowRateLimiter } from "../../src/app/rateLimiter.js";
import { wrapCommandRuns } from "../../src/commands/registry/wrapCommandRuns.js";
import type { CommandRequest } from "../../src/commands/index.js";
import { silentLogger } from "../../src/logger.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SlidingWindowRateLimiter", () => {
  it("allows 10 in 10 seconds per user, refuses the 11th, and allows again as the window slides", () => {
    const time = clock();
    const limiter = new SlidingWindowRateLimiter({ limit: 10, windowMs: 10_000 }, { now: time.now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.take("slack:U1").allowed).toBe(true);
      time.advance(500);
    }
    // 5 s after the first take: refused until the first one leaves the window.
    expect(limiter.take("slack:U1")).toEqual({ allowed: false, retryAfterMs: 5_000 });
    expect(limiter.take("slack:U2").allowed).toBe(true);
    time.advance(5_000);
    expect(limiter.take("slack:U1").allowed).toBe(true);
    expect(limiter.take("slack:U1").allowed).toBe(false);
  });

  it("keeps memory bounded: idle users are swept and the number of users is capped", () => {
    const time = clock();
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 1_000 }, { now: time.now, maxUsers: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`discord:${i}`);
    expect(limiter.trackedUsers).toBe(100);
    time.advance(1_001);
    limiter.take("discord:new");
    expect(limiter.trackedUsers).toBe(1);
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
    const time = clock();
    let runs = 0;
    const inner = createCommandRegistry(() => knowledge);
    const counting = wrapCommandRuns(inner, (req, next) => {
      runs++;
      return next(req);
    });
    const limited = wrapCommandRuns(counting, rateLimitCommands(new SlidingWindowRateLimiter({ limit: 10, windowMs: 10_000 }, { now: time.now })));
    for (let i = 0; i < 10; i++) expect((await limited.run(request(slackTraits))).title).not.toBe("One moment");
    const refused = await limited.run(request(slackTraits));
    expect(refused).toMatchObject({ title: "One moment", visibility: "private", kind: "notice", quotes: [] });
    expect(refused.text).toMatch(/Try again in 10 seconds\./);
    expect(runs).toBe(10);
    // Another user, and the same id on another platform, are not affected.
    expect((await limited.run(request(slackTraits, "U2"))).title).not.toBe("One moment");
    expect((await limited.run(request(discordTraits))).title).not.toBe("One moment");
  });

  it("limits button clicks too, since runInvocation goes through the wrapped run", async () => {
    const time = clock();
    const limited = wrapCommandRuns(
      createCommandRegistry(() => knowledge),
      rateLimitCommands(new SlidingWindowRateLimiter({ limit: 1, windowMs: 10_000 }, { now: time.now })),
    );
    await limited.run(request(discordTraits));
    const clicked = await limited.runInvocation("gt1|help|0||", { id: "U1" }, discordTraits);
    expect(clicked.title).toBe("One moment");
  });

  it("never limits the console, whose one user is at the keyboard", async () => {
    const limited = wrapCommandRuns(
      createCommandRegistry(() => knowledge),
      rateLimitCommands(new SlidingWindowRateLimiter({ limit: 1, windowMs: 10_000 })),
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
