import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderDiscordMessage, type DiscordMessage } from "../../src/platforms/discord/render.js";
import {
  DISCORD_ACTION_ROWS_MAX,
  DISCORD_BUTTONS_PER_ROW_MAX,
  DISCORD_BUTTON_LABEL_MAX,
  DISCORD_CONTENT_MAX,
  DISCORD_CUSTOM_ID_MAX,
  DISCORD_EMBEDS_TOTAL_MAX,
  DISCORD_EMBED_DESCRIPTION_MAX,
  DISCORD_EMBED_FIELDS_MAX,
  DISCORD_EMBED_TITLE_MAX,
  DISCORD_FIELD_NAME_MAX,
  DISCORD_FIELD_VALUE_MAX,
  DISCORD_FOOTER_MAX,
} from "../../src/platforms/discord/limits.js";
import type { Reply } from "../../src/reply/types.js";
import { arbitraryReply, hostileReply, MINSK_PASSAGE, overflowingReply, realisticReply } from "./fixtures.js";

const ZWSP = "\u200b";

/** Asserts every Discord message limit the renderer promises; returns the message for further checks. */
function expectWithinDiscordLimits(message: DiscordMessage): DiscordMessage {
  expect(message.allowed_mentions.parse).toEqual([]);
  expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
  // One embed a reply (Discord allows 10 a message).
  expect(message.embeds).toHaveLength(1);
  let total = 0;
  for (const embed of message.embeds) {
    const title = embed.title ?? "";
    const description = embed.description ?? "";
    const footer = embed.footer?.text ?? "";
    expect(title.length).toBeLessThanOrEqual(DISCORD_EMBED_TITLE_MAX);
    expect(description.length).toBeLessThanOrEqual(DISCORD_EMBED_DESCRIPTION_MAX);
    expect(footer.length).toBeLessThanOrEqual(DISCORD_FOOTER_MAX);
    expect(title || description || embed.fields?.length).toBeTruthy();
    const fields = embed.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(DISCORD_EMBED_FIELDS_MAX);
    for (const field of fields) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_FIELD_NAME_MAX);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_FIELD_VALUE_MAX);
      total += field.name.length + field.value.length;
    }
    total += title.length + description.length + footer.length + (embed.author?.name.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL_MAX);

  expect(message.components.length).toBeLessThanOrEqual(DISCORD_ACTION_ROWS_MAX);
  const customIds = new Set<string>();
  for (const row of message.components) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_BUTTONS_PER_ROW_MAX);
    for (const button of row.components) {
      expect(button.type).toBe(2);
      expect([1, 2]).toContain(button.style);
      const customId = "custom_id" in button ? button.custom_id : "";
      expect(customId.length).toBeGreaterThan(0);
      expect(customId.length).toBeLessThanOrEqual(DISCORD_CUSTOM_ID_MAX);
      expect(customIds.has(customId)).toBe(false);
      customIds.add(customId);
      const label = "label" in button ? (button.label ?? "") : "";
      expect(label.length).toBeGreaterThan(0);
      expect(label.length).toBeLessThanOrEqual(DISCORD_BUTTON_LABEL_MAX);
    }
  }
  return message;
}

function buttons(message: DiscordMessage) {
  return message.components.flatMap((row) => row.components).map((b) => ({
    label: "label" in b ? b.label : undefined,
    custom_id: "custom_id" in b ? b.custom_id : undefined,
    style: b.style,
  }));
}

/** Every string Discord would display: content, embed text, button labels. */
function visibleText(message: DiscordMessage): string {
  const embedText = message.embeds.flatMap((e) => [
    e.title ?? "",
    e.description ?? "",
    e.footer?.text ?? "",
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]);
  return [message.content ?? "", ...embedText, ...buttons(message).map((b) => b.label ?? "")].join("\n");
}

describe("renderDiscordMessage: a realistic answer", () => {
  const message = expectWithinDiscordLimits(renderDiscordMessage(realisticReply()));
  const embed = message.embeds[0]!;

  it("renders title, lead text and the quote with its section and citations", () => {
    expect(embed.title).toBe("Has Russia kept its agreements?");
    expect(embed.description).toBe(
      [
        "One passage answers this directly.",
        "",
        "**Reason 1: broken agreements**",
        `> ${MINSK_PASSAGE}`,
        "— *Why a ceasefire is hard · russia-ukraine-peace-talks*",
        "Wilson, 2022 — Wilson, A. (2022). Chatham House.",
        "⚠️ Reuters, 2023: not in the reference list",
      ].join("\n"),
    );
  });

  it("renders fields, references, footer and the More button, and pings no one", () => {
    expect(embed.fields).toEqual([
      { name: "Document", value: "Russia–Ukraine peace talks" },
      { name: "References", value: "• Wilson, A. (2022). Chatham House." },
    ]);
    expect(embed.footer).toEqual({ text: "Quotes are verbatim from the document." });
    expect(buttons(message)).toEqual([{ label: "More", custom_id: "gt1:more:minsk:1", style: 1 }]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBeUndefined();
    expect(message.flags).toBeUndefined();
  });

  it("escapes markdown in quoted text so it cannot restyle or spoof", () => {
    const spoof = "**Official** __ruling__ `code` ||hidden|| [bank](https://evil.example)\n> fake quote";
    const rendered = renderDiscordMessage(realisticReply({ quotes: [{ ...realisticReply().quotes[0]!, label: undefined, text: spoof }] }));
    expect(rendered.embeds[0]!.description).toContain(
      "> \\*\\*Official\\*\\* \\_\\_ruling\\_\\_ \\`code\\` \\|\\|hidden\\|\\| \\[bank\\](https://evil.example)\n> \\> fake quote",
    );
  });
});

describe("renderDiscordMessage: visibility and sharing", () => {
  it("makes private replies ephemeral with a Share in channel button", () => {
    const message = expectWithinDiscordLimits(renderDiscordMessage(realisticReply({ visibility: "private", share: "gt1:share:abc" })));
    expect(message.flags).toBe(64);
    expect(buttons(message).at(-1)).toEqual({ label: "Share in channel", custom_id: "gt1:share:abc", style: 2 });
  });

  it("offers no share button on a public reply", () => {
    const message = renderDiscordMessage(realisticReply({ share: "gt1:share:abc" }));
    expect(buttons(message).map((b) => b.custom_id)).toEqual(["gt1:more:minsk:1"]);
  });

  it("drops buttons with a custom_id Discord would refuse", () => {
    const message = renderDiscordMessage(
      realisticReply({
        visibility: "private",
        share: "s".repeat(101),
        actions: [
          { label: "Long", value: "x".repeat(101) },
          { label: "Dup", value: "gt1:a" },
          { label: "Dup again", value: "gt1:a" },
          { label: "", value: "gt1:b" },
          { label: "Empty", value: "" },
        ],
      }),
    );
    expectWithinDiscordLimits(message);
    expect(buttons(message).map((b) => b.label)).toEqual(["Dup"]);
  });
});

describe("renderDiscordMessage: overflow", () => {
  const message = expectWithinDiscordLimits(renderDiscordMessage(overflowingReply()));
  const embed = message.embeds[0]!;
  const description = embed.description ?? "";

  it("drops whole quotes from the end and says how many and how to see them", () => {
    const shown = description.split("\n").filter((line) => /^> \d+: /.test(line)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(description).toContain(`Showing ${shown} of 60 passages; ${60 - shown} more not shown. Use More to see the rest.`);
    // 40 fields, 24 slots: the 25th holds the references.
    expect(description).toContain("16 more fields not shown.");
  });

  it("stays within every limit when a reply without quotes gives its fields the quotes' room", () => {
    const message = expectWithinDiscordLimits(renderDiscordMessage(overflowingReply({ quotes: [] })));
    expect(message.embeds[0]!.fields!.length).toBe(25);
  });

  it("says N more not shown without a More button", () => {
    const noMore = expectWithinDiscordLimits(renderDiscordMessage(overflowingReply({ actions: [] })));
    expect(noMore.embeds[0]!.description).toMatch(/Showing \d+ of 60 passages; \d+ more not shown\.(?! Use)/);
  });

  it("keeps at most 25 buttons in 5 rows, with More and Share among them", () => {
    const rendered = buttons(message);
    expect(rendered.length).toBe(25);
    expect(rendered.map((b) => b.custom_id)).toContain("gt1:more:x:2");
    expect(rendered.at(-1)).toMatchObject({ label: "Share in channel", custom_id: "gt1:share:x" });
    expect(message.components.length).toBe(5);
  });

  it("shows more quotes when the other parts are small", () => {
    const quotes = overflowingReply().quotes.map((q) => ({ ...q, text: q.text.slice(0, 400) }));
    const lean = expectWithinDiscordLimits(renderDiscordMessage(realisticReply({ quotes })));
    const shown = (lean.embeds[0]!.description ?? "").split("\n").filter((line) => /^> \d+: /.test(line)).length;
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(lean.embeds[0]!.description).toContain(`${60 - shown} more not shown`);
  });

  it("never cuts inside a citation when a single passage is too long", () => {
    const long = `${"The talks broke down again (BBC, 2022) ".repeat(200)}`;
    const one = expectWithinDiscordLimits(renderDiscordMessage(realisticReply({ quotes: [{ ...realisticReply().quotes[0]!, text: long }] })));
    const quoteLines = (one.embeds[0]!.description ?? "").split("\n").filter((line) => line.startsWith("> "));
    const last = quoteLines.at(-1)!;
    expect(last.endsWith("…")).toBe(true);
    expect(last).not.toMatch(/\(BBC(?!, 2022\))/);
    // Every parenthesis opened on the line is closed: the cut fell outside the citation.
    expect(last.split("(").length).toBe(last.split(")").length);
  });

  it("stays within every limit for arbitrary replies", () => {
    fc.assert(
      fc.property(arbitraryReply({ maxValue: 120, mentionId: /^[0-9]{17,20}$/ }), (arbitrary: Reply) => {
        const message = expectWithinDiscordLimits(renderDiscordMessage(arbitrary));
        expect(message.allowed_mentions.users?.length ?? 0).toBeLessThanOrEqual(100);
        const allowed = new Set((message.allowed_mentions.users ?? []).map((id) => `<@${id}>`));
        const all = visibleText(message);
        for (const token of all.match(/<[!@#][^>]*>?/g) ?? []) expect(allowed.has(token)).toBe(true);
        expect(all).not.toMatch(/@(everyone|here)/);
        if (arbitrary.visibility === "private") expect(message.allowed_mentions.users).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe("renderDiscordMessage: mentions", () => {
  it("lets no injected mention, broadcast or control character through", () => {
    const message = expectWithinDiscordLimits(renderDiscordMessage(hostileReply()));
    const all = visibleText(message);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(all).not.toMatch(/@(everyone|here)/);
    expect(all).toContain(`@${ZWSP}everyone`);
    expect(all).not.toMatch(/<@[!&]?\d/);
    expect(all).not.toMatch(/<[@#!]/);
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(all).not.toContain("[31m");
  });

  it("pings exactly reply.mentions on a public reply", () => {
    const message = expectWithinDiscordLimits(renderDiscordMessage(hostileReply({ mentions: ["U42"] })));
    expect(message.content).toBe("<@U42>");
    expect(message.allowed_mentions).toEqual({ parse: [], users: ["U42"] });
    expect(visibleText(message).match(/<@[^>]*>/g)).toEqual(["<@U42>"]);
  });

  it("lists each addressee in content and allowed_mentions, and none on a private reply", () => {
    const both = renderDiscordMessage(realisticReply({ mentions: ["111111111111111111", "222222222222222222"] }));
    expect(both.content).toBe("<@111111111111111111> <@222222222222222222>");
    expect(both.allowed_mentions.users).toEqual(["111111111111111111", "222222222222222222"]);
    const hidden = renderDiscordMessage(realisticReply({ visibility: "private", mentions: ["111111111111111111"] }));
    expect(hidden.content).toBeUndefined();
    expect(hidden.allowed_mentions).toEqual({ parse: [] });
  });
});
