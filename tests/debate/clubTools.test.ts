import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import type { CommandRegistry, Reply } from "../../src/commands/index.js";
import { ANOTHER_PROMPT_LABEL } from "../../src/commands/debate/commands/promptCommand.js";
import { expectVerbatim, loadDebateKnowledge, realRegistry, run, seededRegistry, user } from "./debateFixtures.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits, discordWebhookTraits } from "../../src/platforms/discord/traits.js";

let kb: KnowledgeBase;
let registry: CommandRegistry;

beforeAll(async () => {
  kb = await loadDebateKnowledge();
  registry = realRegistry(kb);
});

const field = (reply: Reply, prefix: string) => reply.fields!.find((f) => f.label.startsWith(prefix))!.value;

describe("/teams", () => {
  it.each([2, 3, 5, 8, 11, 12])("splits %i people evenly, each exactly once, with a speaking order", async (count) => {
    const names = Array.from({ length: count }, (_, i) => `p${i + 1}`);
    const reply = await run(seededRegistry(kb, count), "teams", names.join(" "));
    expect(reply.visibility).toBe("public");
    const proposition = field(reply, "Proposition").split("\n");
    const opposition = field(reply, "Opposition").split("\n");
    expect(Math.abs(proposition.length - opposition.length)).toBeLessThanOrEqual(1);
    expect([...proposition, ...opposition].sort()).toEqual(names.map((n) => `@${n}`).sort());
    const order = field(reply, "Speaking order").split("\n");
    expect(order).toHaveLength(count);
    expect(order[0]).toMatch(/^1\. @p\d+ \(Proposition\)$/);
    if (count > 1) expect(order[1]).toMatch(/\(Opposition\)$/);
    // Plain names are never pinged.
    expect(reply.mentions).toBeUndefined();
  });

  it("pings only the Slack and Discord users listed, once each", async () => {
    const slack = await run(registry, "teams", "<@U01DANA|dana> <@U02ELI|eli> <@U01DANA|dana> <@U03FAY|fay> <@U04GUS|gus>", slackTraits);
    expect([...slack.mentions!].sort()).toEqual(["U01DANA", "U02ELI", "U03FAY", "U04GUS"]);
    expect(field(slack, "Speaking order")).toMatch(/@dana/);
    const discord = await run(registry, "teams", "<@111111111111> <@!222222222222> <@333333333333>", discordTraits);
    expect([...discord.mentions!].sort()).toEqual(["111111111111", "222222222222", "333333333333"]);
  });

  it("differs between draws (a fair, random split)", async () => {
    const names = "ann bob cat dan eve fay gus hal";
    const splits = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) splits.add(field(await run(seededRegistry(kb, seed), "teams", names), "Proposition"));
    expect(splits.size).toBeGreaterThan(1);
  });

  it.each([["dana"], ["dana dana DANA"], [Array.from({ length: 13 }, (_, i) => `p${i}`).join(" ")]])("refuses '%s' kindly", async (text) => {
    const reply = await run(registry, "teams", text);
    expect(reply.kind).toBe("error");
    expect(reply.visibility).toBe("private");
    expect(reply.text).toMatch(/Name 2 to 12/);
    expect(reply.mentions).toBeUndefined();
  });
});

describe("/timer", () => {
  it("posts a one-minute warning and time-up for '3 rebuttal'", async () => {
    const reply = await run(registry, "timer", "3 rebuttal", slackTraits);
    expect(reply.visibility).toBe("public");
    expect(reply.text).toMatch(/^Timer: 3 minutes for rebuttal\./);
    expect(reply.text).toMatch(/If the bot restarts meanwhile, they are posted when it is back/);
    expect(reply.followUps).toEqual([
      { delaySeconds: 120, text: "1 minute left for rebuttal." },
      { delaySeconds: 180, text: "Time is up for rebuttal: 3 minutes." },
    ]);
  });

  it("has no one-minute warning for a one-minute timer, and says restarts lose reminders where they live in one process", async () => {
    const reply = await registry.run({ command: "timer", args: { minutes: "1", label: "closing" }, user, platform: discordWebhookTraits });
    expect(reply.followUps).toEqual([{ delaySeconds: 60, text: "Time is up for closing: 1 minute." }]);
    expect(reply.text).toMatch(/If the bot restarts before then, the reminders are lost/);
    const console = await run(registry, "timer", "5");
    expect(console.text).toMatch(/if it stops, they are lost/);
    expect(console.followUps?.map((f) => f.delaySeconds)).toEqual([240, 300]);
  });

  it("posts no reminders on Discord without a bot token past the 15-minute token window, and says so; with the token it does", async () => {
    const reply = await run(registry, "timer", "20 opening", discordWebhookTraits);
    expect(reply.followUps).toBeUndefined();
    expect(reply.text).toMatch(/On Discord, timers over 14 minutes post no reminders/);
    const withToken = await run(registry, "timer", "20 opening", discordTraits);
    expect(withToken.followUps?.map((f) => f.delaySeconds)).toEqual([1140, 1200]);
    const slack = await run(registry, "timer", "20 opening", slackTraits);
    expect(slack.followUps?.map((f) => f.delaySeconds)).toEqual([1140, 1200]);
  });

  it.each(["0", "61", "abc", "2.5", ""])("refuses '%s' minutes", async (text) => {
    const reply = await run(registry, "timer", text);
    expect(reply.kind).toBe("error");
    expect(reply.followUps).toBeUndefined();
  });
});

describe("/prompt", () => {
  it("asks a warm-up question about a contested passage, and 'Another prompt' does not repeat", async () => {
    const first = await run(seededRegistry(kb, 3), "prompt");
    expect(first.text).toMatch(/\?/);
    expect(first.quotes.length).toBeGreaterThan(0);
    expectVerbatim(kb, first.quotes);
    const total = Number(/of (\d+)/.exec(first.footer!)![1]);
    const seen = [first.footer];
    let value = first.actions!.find((a) => a.label === ANOTHER_PROMPT_LABEL)!.value;
    for (let i = 1; i < total; i++) {
      const reply = await registry.runInvocation(value, user, slackTraits);
      expectVerbatim(kb, reply.quotes);
      seen.push(reply.footer);
      value = reply.actions!.find((a) => a.label === ANOTHER_PROMPT_LABEL)!.value;
    }
    expect(new Set(seen).size).toBe(total);
    expect((await registry.runInvocation(value, user, slackTraits)).text).toMatch(/starting over/);
  });

  it("shares the very prompt it showed", async () => {
    const reply = await run(registry, "prompt");
    const shared = await registry.runInvocation(reply.share!, user, discordTraits);
    expect(shared.visibility).toBe("public");
    expect(shared.text).toBe(reply.text);
    expect(shared.quotes.map((q) => q.text)).toEqual(reply.quotes.map((q) => q.text));
  });
});

describe("/audit", () => {
  it("lists the Trust Deficit section's uncited claims and the sources it leans on", async () => {
    const reply = await run(registry, "audit", "trust deficit");
    expect(reply.title).toBe("Audit: The Trust Deficit and Enforcement Challenges");
    expect(reply.text).toMatch(/^2 of 5 sentences in this section cite a source/);
    expect(reply.quotes.map((q) => q.text)).toEqual([
      "A core issue is the absence of credible enforcement mechanisms.",
      "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.",
      "The lack of a neutral arbiter further complicates talks.",
    ]);
    expect(reply.quotes.every((q) => q.citations.length === 0 && q.label === "No citation")).toBe(true);
    expectVerbatim(kb, reply.quotes);
    const sources = reply.fields!.find((f) => f.label === "Sources it leans on")!.value;
    expect(sources).toMatch(/Wilson \(2022\): 1 sentence/);
    expect(sources).toMatch(/Financial Times \(2023\), not in the reference list: 1 sentence/);
  });

  it("summarises every section with no section named", async () => {
    const reply = await run(registry, "audit");
    expect(reply.fields).toHaveLength(6);
    expect(reply.fields).toContainEqual({ label: "Thesis Statement", value: "0 cited, 1 uncited sentence" });
    expect(reply.fields).toContainEqual({ label: "The Diplomatic Charade: A History of Failed Negotiations", value: "4 cited, 1 uncited sentence" });
    expect(reply.text).toMatch(/^8 of 22 sentences cite a source/);
  });
});
