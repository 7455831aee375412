import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import type { CommandRegistry, PlatformTraits, Reply } from "../../src/commands/index.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { renderText } from "../../src/platforms/console/render.js";
import { loadDebateKnowledge, realRegistry, user } from "./debateFixtures.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { discordTraits } from "../../src/platforms/discord/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

let kb: KnowledgeBase;
let registry: CommandRegistry;

beforeAll(async () => {
  kb = await loadDebateKnowledge();
  registry = realRegistry(kb);
});

// The platforms' documented limits, written out rather than imported so a wrong constant in src/ cannot hide.
const SLACK_MAX_BLOCKS = 50;
const SLACK_SECTION_TEXT_MAX = 3_000;
const SLACK_COMPACT_MESSAGE = 12_000;
const DISCORD_CONTENT_MAX = 2_000;
const DISCORD_EMBEDS_TOTAL_MAX = 6_000;
const DISCORD_EMBED_DESCRIPTION_MAX = 4_096;
const DISCORD_FIELD_VALUE_MAX = 1_024;
const DISCORD_CUSTOM_ID_MAX = 100;

const requests: Array<[string, string]> = [
  ["debate", ""],
  ["debate", "nato"],
  ["debate", "territory"],
  ["counter", "Russia-Ukraine peace talks remain deadlocked"],
  ["compare", "mearsheimer vs kofman"],
  ["teams", "<@U01DANA|dana> <@U02ELI|eli> <@U03FAY|fay> <@U04GUS|gus> <@U05HAL|hal>"],
  ["timer", "5 opening speech"],
  ["prompt", ""],
  ["audit", ""],
  ["audit", "trust deficit"],
];

async function replyFor(command: string, text: string, platform: PlatformTraits): Promise<Reply> {
  return registry.run({ command, text, user, platform });
}

function embedLength(embed: { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0)
  );
}

describe("debate replies on every platform", () => {
  it.each(requests)("/%s %s fits Slack's Block Kit limits and shows every quote", async (command, text) => {
    const reply = await replyFor(command, text, slackTraits);
    const message = renderSlackMessage(reply);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(JSON.stringify(message.blocks).length).toBeLessThan(SLACK_COMPACT_MESSAGE);
    for (const block of message.blocks) {
      if (block.type === "section" && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX);
    }
    const rendered = JSON.stringify(message.blocks);
    for (const quote of reply.quotes) {
      // Escaped for mrkdwn, but otherwise the document's words.
      expect(rendered).toContain(JSON.stringify(quote.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")).slice(1, -1));
    }
  });

  it.each(requests)("/%s %s fits Discord's message limits", async (command, text) => {
    const reply = await replyFor(command, text, discordTraits);
    const message = renderDiscordMessage(reply);
    expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
    expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL_MAX);
    for (const embed of message.embeds) {
      expect((embed.description ?? "").length).toBeLessThanOrEqual(DISCORD_EMBED_DESCRIPTION_MAX);
      for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD_FIELD_VALUE_MAX);
    }
    for (const row of message.components) for (const button of row.components) {
      if ("custom_id" in button) expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_CUSTOM_ID_MAX);
    }
    expect(message.allowed_mentions.parse).toEqual([]);
  });

  it("keeps the Another motion button on Discord and Slack", async () => {
    const reply = await replyFor("debate", "", discordTraits);
    const discord = renderDiscordMessage(reply);
    const labels = discord.components.flatMap((row) => row.components.map((b) => ("label" in b ? b.label : "")));
    expect(labels).toContain("Another motion");
    const slack = JSON.stringify(renderSlackMessage(reply).blocks);
    expect(slack).toContain("Another motion");
  });

  it("/teams pings exactly the listed people on Slack and Discord, and nobody on the console", async () => {
    const slack = renderSlackMessage(await replyFor("teams", "<@U01DANA|dana> <@U02ELI|eli> @everyone", slackTraits));
    expect(slack.response_type).toBe("in_channel");
    const live = [...JSON.stringify(slack.blocks).matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]).sort();
    expect(live).toEqual(["U01DANA", "U02ELI"]);
    expect(JSON.stringify(slack.blocks)).not.toMatch(/<!everyone>|<!channel>|@everyone/);

    const discord = renderDiscordMessage(await replyFor("teams", "<@111111111111> <@222222222222> <@&999999> @here", discordTraits));
    expect(discord.allowed_mentions).toEqual({ parse: [], users: expect.arrayContaining(["111111111111", "222222222222"]) });
    expect(discord.allowed_mentions.users).toHaveLength(2);
    expect(JSON.stringify(discord)).not.toMatch(/@here|999999/);

    const text = renderText(await replyFor("teams", "ann bob cat dan", consoleTraits));
    expect(text).toMatch(/Speaking order/);
    expect(text).toMatch(/@ann/);
  });

  it("renders a motion as readable terminal text with its labels and citations", async () => {
    const text = renderText(await replyFor("debate", "nato", consoleTraits));
    expect(text).toMatch(/Proposition/);
    expect(text).toMatch(/Opposition/);
    expect(text).toContain("Mearsheimer, J. (2014). Foreign Affairs.");
    expect(text).toContain("Kofman, M. (2023). War on the Rocks.");
  });
});
