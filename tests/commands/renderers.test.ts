import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply/types.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { renderText } from "../../src/platforms/console/render.js";
import { loadBot, MINSK_PASSAGE, THESIS_START, type Bot } from "./loadRegistry.js";

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot();
});

/** Everything a person would read in each rendering, as one string per platform. */
function renderAll(reply: Reply): Record<"slack" | "discord" | "text", string> {
  const slack = renderSlackMessage(reply);
  const discord = renderDiscordMessage(reply);
  return { slack: JSON.stringify(slack), discord: JSON.stringify(discord), text: renderText(reply) };
}

function checkPlatformLimits(reply: Reply): void {
  const slack = renderSlackMessage(reply);
  expect(slack.blocks.length).toBeLessThanOrEqual(50);
  for (const block of slack.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ value?: string }> }>) {
    if (block.type === "section" && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === "actions") expect(block.elements!.length).toBeLessThanOrEqual(25);
  }
  const discord = renderDiscordMessage(reply);
  expect(discord.allowed_mentions.parse).toEqual([]);
  expect(discord.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of discord.embeds) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(256);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(4096);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    total += (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length;
    total += (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect((discord.content ?? "").length).toBeLessThanOrEqual(2000);
  for (const row of discord.components) {
    for (const button of row.components) expect(("custom_id" in button ? button.custom_id : "").length).toBeLessThanOrEqual(100);
  }
}

// Slack escapes `&` in mrkdwn, JSON escapes quotes; compare on a phrase free of both.
const MINSK_PHRASE = "Russia has violated multiple agreements, from the Minsk accords (2014-2015)";

describe("every command through every renderer", () => {
  const cases: Array<[string, string, string[]]> = [
    ["source", "minsk", [MINSK_PHRASE]],
    ["source", "bucha", ["atrocities in Bucha", "BBC"]],
    ["cite", "mearsheimer", ["Mearsheimer, J. (2014). Foreign Affairs.", "NATO expansion created an existential security dilemma"]],
    ["cite", "reuters", ["is not in the reference list"]],
    ["cite", "bbc", ["no title or venue"]],
    ["ask", "why did the istanbul talks fail", ["Istanbul Communiqu"]],
    ["why-stalled", "", [THESIS_START, "Irreconcilable war aims", "External interference", "No enforceable trust mechanisms", "Wilson"]],
    ["thesis", "", [THESIS_START]],
    ["section", "", ["The Trust Deficit and Enforcement Challenges", "Thesis Statement"]],
    ["section", "trust deficit", [MINSK_PHRASE]],
    ["docs", "", ["Russia Ukraine Peace Talks", "19 passages"]],
    ["help", "", ["/why-stalled", "/source", "/cite"]],
    ["context", "russia-ukraine-peace-talks#9", [MINSK_PHRASE, "A core issue is the absence of credible enforcement mechanisms."]],
    ["nonsense", "", ["There is no /nonsense command"]],
  ];

  it.each(cases)("/%s %s", async (command, text, expected) => {
    const reply = await bot.run(command, text);
    checkPlatformLimits(reply);
    const rendered = renderAll(reply);
    for (const [platform, output] of Object.entries(rendered)) {
      for (const phrase of expected) expect(output, `${platform} should contain ${phrase}`).toContain(phrase);
    }
  });

  it("quotes the Minsk passage whole in the terminal", async () => {
    expect(renderText(await bot.run("source", "minks"))).toContain(MINSK_PASSAGE);
  });
});

describe("addressing and injection", () => {
  it("pings only the person named in for:", async () => {
    const reply = await bot.run("source", "minsk for: <@U123|dana>");
    const slack = renderSlackMessage(reply);
    expect(slack.response_type).toBe("in_channel");
    const mentions = JSON.stringify(slack).match(/<@[A-Z0-9]+>/g) ?? [];
    expect(new Set(mentions)).toEqual(new Set(["<@U123>"]));
    const discord = renderDiscordMessage({ ...reply, mentions: ["112233445566778899"] });
    expect(discord.allowed_mentions).toEqual({ parse: [], users: ["112233445566778899"] });
    expect(discord.flags).toBeUndefined();
  });

  it("neutralises mentions typed into a question", async () => {
    const reply = await bot.run("ask", "@everyone <!channel> <@U777> <@&123> minsk");
    expect(reply.visibility).toBe("private");
    const slack = JSON.stringify(renderSlackMessage(reply));
    expect(slack).not.toContain("<!channel>");
    expect(slack).not.toContain("<@U777>");
    const discord = renderDiscordMessage(reply);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(discord)).not.toMatch(/(?<!\u200b)@everyone/);
    expect(renderText(reply)).not.toContain("<!channel>");
  });
});
