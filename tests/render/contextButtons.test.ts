import { describe, expect, it } from "vitest";
import { contextActions } from "../../src/commands/core/context.js";
import type { Reply } from "../../src/commands/index.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { overflowingReply } from "./fixtures.js";

/** A reply with one Context button per quote, as /why-stalled and /section give. */
function withContextButtons(count: number, overrides: Partial<Reply> = {}): Reply {
  const base = overflowingReply({ fields: [], references: [], footer: undefined, text: "Lead." });
  const quotes = base.quotes.slice(0, count).map((quote) => ({ ...quote, text: quote.text.slice(0, 300) }));
  return { ...base, quotes, actions: contextActions(quotes), ...overrides };
}

const slackLabels = (reply: Reply) =>
  renderSlackMessage(reply)
    .blocks.flatMap((block) => (block.type === "actions" ? block.elements : []))
    .map((button) => ("text" in button && button.text ? button.text.text : ""));
const discordLabels = (reply: Reply) =>
  renderDiscordMessage(reply).components.flatMap((row) => row.components.map((button) => ("label" in button ? (button.label ?? "") : "")));

describe("Context buttons", () => {
  it("one per passage shown: seven quotes, seven buttons on both platforms", () => {
    const reply = withContextButtons(7);
    const expected = Array.from({ length: 7 }, (_, i) => `Context ${i + 1}`);
    expect(slackLabels(reply).filter((label) => label.startsWith("Context"))).toEqual(expected);
    expect(discordLabels(reply).filter((label) => label.startsWith("Context"))).toEqual(expected);
  });

  it("within the platform's button limits, with Share kept", () => {
    const reply = withContextButtons(40);
    const slack = slackLabels(reply);
    const discord = discordLabels(reply);
    expect(slack.length).toBeLessThanOrEqual(25);
    expect(discord.length).toBeLessThanOrEqual(25);
    expect(slack).toContain("Share in channel");
    expect(discord).toContain("Share in channel");
  });

  it("none for a quote the platform had no room to show", () => {
    const long = withContextButtons(60);
    const reply = { ...long, quotes: long.quotes.map((quote) => ({ ...quote, text: quote.text.repeat(10).slice(0, 2_900) })) };
    for (const [platform, labels, shown] of [
      ["slack", slackLabels(reply), renderSlackMessage(reply).blocks.filter((block) => block.type === "section" && /(^|\n)>\d+: /.test(block.text?.text ?? "")).length],
      ["discord", discordLabels(reply), (renderDiscordMessage(reply).embeds[0]!.description ?? "").split("\n").filter((line) => /^> \d+: /.test(line)).length],
    ] as const) {
      expect(shown, platform).toBeGreaterThan(0);
      expect(shown, platform).toBeLessThan(60);
      const numbers = labels.filter((label) => label.startsWith("Context")).map((label) => Number(label.split(" ")[1]));
      expect(Math.max(...numbers), platform).toBe(shown);
    }
  });
});
