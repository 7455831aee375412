import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderSlackMessage, textLength, type SlackMessage } from "../../src/platforms/slack/render.js";
import {
  SLACK_ACTIONS_PER_BLOCK_MAX,
  SLACK_ACTION_ID_MAX,
  SLACK_BUTTON_TEXT_MAX,
  SLACK_BUTTON_VALUE_MAX,
  SLACK_CONTEXT_TEXT_MAX,
  SLACK_FIELD_TEXT_MAX,
  SLACK_HEADER_TEXT_MAX,
  SLACK_MAX_BLOCKS,
  SLACK_MESSAGE_TEXT_BUDGET,
  SLACK_SECTION_FIELDS_MAX,
  SLACK_SECTION_TEXT_MAX,
} from "../../src/platforms/slack/limits.js";
import type { types } from "@slack/bolt";
import type { Reply } from "../../src/reply/types.js";
import {
  arbitraryReply,
  collectStrings,
  hostileReply,
  MINSK_PASSAGE,
  overflowingReply,
  realisticReply,
} from "./fixtures.js";

/** Every string a Slack user could see: block text and the notification fallback. */
function visibleText(message: SlackMessage): string[] {
  return [message.text, ...collectStrings(message.blocks).filter((s) => s.key === "text").map((s) => s.value)];
}

/** Asserts every Block Kit limit the renderer promises; returns the message for further checks. */
function expectWithinSlackLimits(message: SlackMessage): SlackMessage {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
  expect(textLength(message.blocks)).toBeLessThanOrEqual(SLACK_MESSAGE_TEXT_BUDGET);
  expect(SLACK_MESSAGE_TEXT_BUDGET).toBeLessThanOrEqual(12_000);
  const actionIds = new Set<string>();
  for (const block of message.blocks) {
    switch (block.type) {
      case "header":
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_HEADER_TEXT_MAX);
        expect(block.text.text.trim()).not.toBe("");
        break;
      case "section":
        expect(block.text || block.fields).toBeTruthy();
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK_SECTION_FIELDS_MAX);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_FIELD_TEXT_MAX);
        break;
      case "context":
        expect(block.elements.length).toBeLessThanOrEqual(10);
        for (const element of block.elements) {
          if ("text" in element) expect(element.text.length).toBeLessThanOrEqual(SLACK_CONTEXT_TEXT_MAX);
        }
        break;
      case "actions":
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_ACTIONS_PER_BLOCK_MAX);
        for (const element of block.elements) {
          expect(element.type).toBe("button");
          if (element.type !== "button") continue;
          expect(element.text.text.length).toBeLessThanOrEqual(SLACK_BUTTON_TEXT_MAX);
          expect(element.text.text.trim()).not.toBe("");
          expect((element.value ?? "").length).toBeLessThanOrEqual(SLACK_BUTTON_VALUE_MAX);
          expect(element.action_id?.length ?? 0).toBeLessThanOrEqual(SLACK_ACTION_ID_MAX);
          expect(actionIds.has(element.action_id ?? "")).toBe(false);
          actionIds.add(element.action_id ?? "");
        }
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
  return message;
}

function buttons(message: SlackMessage): types.Button[] {
  return message.blocks.flatMap((block) =>
    block.type === "actions" ? block.elements.filter((e): e is types.Button => e.type === "button") : [],
  );
}

describe("renderSlackMessage: a realistic answer", () => {
  const message = expectWithinSlackLimits(renderSlackMessage(realisticReply()));
  const all = visibleText(message).join("\n");

  it("puts the title in a header and as the notification fallback", () => {
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Has Russia kept its agreements?" } });
    expect(message.text).toBe("Has Russia kept its agreements?");
    expect(message.response_type).toBe("in_channel");
  });

  it("quotes the passage verbatim as a blockquote with section and citations beneath", () => {
    const quoteIndex = message.blocks.findIndex((b) => b.type === "section" && b.text?.text.includes("Minsk"));
    const quote = message.blocks[quoteIndex];
    const provenance = message.blocks[quoteIndex + 1];
    expect(quote?.type === "section" && quote.text?.text).toBe(`*Reason 1: broken agreements*\n>${MINSK_PASSAGE}`);
    expect(provenance?.type).toBe("context");
    const context = JSON.stringify(provenance);
    expect(context).toContain("_Why a ceasefire is hard · russia-ukraine-peace-talks_");
    expect(context).toContain("Wilson, 2022 — Wilson, A. (2022). Chatham House.");
    expect(context).toContain(":warning: Reuters, 2023: not in the reference list");
  });

  it("renders references, fields, footer and a More button", () => {
    expect(all).toContain("*References*\n• Wilson, A. (2022). Chatham House.");
    expect(all).toContain("*Document*\nRussia–Ukraine peace talks");
    expect(all).toContain("Quotes are verbatim from the document.");
    expect(buttons(message)).toEqual([
      { type: "button", text: { type: "plain_text", text: "More" }, action_id: "gt_action_0", value: "gt1:more:minsk:1", style: "primary" },
    ]);
    expect(all).not.toContain("not shown");
  });

  it("escapes lead text and quotes for mrkdwn", () => {
    const escaped = renderSlackMessage(realisticReply({ text: "R&D <b>", quotes: [{ ...realisticReply().quotes[0]!, text: "a > b & c" }] }));
    const text = visibleText(escaped).join("\n");
    expect(text).toContain("R&amp;D &lt;b&gt;");
    expect(text).toContain(">a &gt; b &amp; c");
  });

  it("splits multi-line passages into one quoted line each", () => {
    const multi = renderSlackMessage(realisticReply({ quotes: [{ ...realisticReply().quotes[0]!, label: undefined, text: "one\ntwo" }] }));
    expect(visibleText(multi)).toContain(">one\n>two");
  });
});

describe("renderSlackMessage: visibility and sharing", () => {
  it("makes private replies ephemeral with a Share in channel button", () => {
    const message = renderSlackMessage(realisticReply({ visibility: "private", share: "gt1:share:abc" }));
    expect(message.response_type).toBe("ephemeral");
    const share = buttons(message).find((b) => b.action_id === "gt_share");
    expect(share).toMatchObject({ type: "button", text: { text: "Share in channel" }, value: "gt1:share:abc" });
  });

  it("offers no share button on a public reply", () => {
    const message = renderSlackMessage(realisticReply({ share: "gt1:share:abc" }));
    expect(buttons(message).some((b) => b.action_id === "gt_share")).toBe(false);
  });
});

describe("renderSlackMessage: overflow", () => {
  const reply = overflowingReply();
  const message = expectWithinSlackLimits(renderSlackMessage(reply));
  const all = visibleText(message).join("\n");

  it("drops whole quotes from the end and says how many and how to see them", () => {
    const shown = message.blocks.filter((b) => b.type === "section" && b.text?.text.includes(">")).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(all).toContain(`Showing ${shown} of 60 passages; ${60 - shown} more not shown. Use More to see the rest.`);
    // Quotes kept are the first ones, in order.
    const numbers = message.blocks.flatMap((b) => (b.type === "section" && b.text?.text.startsWith("*Reason") ? [b.text.text.match(/>(\d+):/)?.[1]] : []));
    expect(numbers).toEqual(Array.from({ length: shown }, (_, i) => String(i)));
  });

  it("stays within every limit when a reply without quotes gives its fields the quotes' room", () => {
    const message = expectWithinSlackLimits(renderSlackMessage(overflowingReply({ quotes: [] })));
    expect(message.blocks.filter((block) => block.type === "section" && block.fields).length).toBe(3);
  });

  it("says N more not shown without a More button", () => {
    const noMore = expectWithinSlackLimits(renderSlackMessage(overflowingReply({ actions: [] })));
    const text = visibleText(noMore).join("\n");
    expect(text).toMatch(/Showing \d+ of 60 passages; \d+ more not shown\.(?! Use)/);
  });

  it("counts omitted fields and keeps the share button among 30 actions", () => {
    // 40 fields, three sections of 10.
    expect(all).toContain("10 more fields not shown.");
    const rendered = buttons(message);
    expect(rendered.length).toBe(SLACK_ACTIONS_PER_BLOCK_MAX);
    expect(rendered.at(-1)).toMatchObject({ action_id: "gt_share", value: "gt1:share:x" });
  });

  it("cuts a single over-long passage instead of dropping it", () => {
    const one = expectWithinSlackLimits(renderSlackMessage({ ...reply, quotes: reply.quotes.slice(0, 1) }));
    const quote = one.blocks.find((b) => b.type === "section" && b.text?.text.startsWith("*Reason"));
    expect(quote?.type === "section" && quote.text?.text.endsWith("…")).toBe(true);
    expect(visibleText(one).join("\n")).not.toContain("more not shown");
  });

  it("drops buttons Slack would refuse instead of failing the message", () => {
    const bad = renderSlackMessage(realisticReply({ actions: [{ label: "Huge", value: "x".repeat(2_001) }, { label: "", value: "gt1:a" }, { label: "Ok", value: "gt1:ok" }] }));
    expect(buttons(bad).map((b) => b.value)).toEqual(["gt1:ok"]);
  });

  it("stays within every limit for arbitrary replies", () => {
    fc.assert(
      fc.property(arbitraryReply({ maxValue: 2_100, mentionId: /^[UW][A-Z0-9]{1,12}$/ }), (arbitrary: Reply) => {
        const message = expectWithinSlackLimits(renderSlackMessage(arbitrary));
        const allowed = new Set(arbitrary.visibility === "public" ? (arbitrary.mentions ?? []).map((id) => `<@${id}>`) : []);
        const all = visibleText(message).join("\n");
        for (const token of all.match(/<[!@#][^>]*>?/g) ?? []) expect(allowed.has(token)).toBe(true);
        expect(all).not.toMatch(/@(everyone|here|channel)/i);
      }),
      { numRuns: 60 },
    );
  });
});

describe("renderSlackMessage: mentions", () => {
  /** Every `<!…>`, `<@…>` or `<#…>` token left in the visible text. */
  const liveTokens = (message: SlackMessage) => visibleText(message).join("\n").match(/<[!@#][^>]*>?/g) ?? [];

  it("lets no injected mention, broadcast or control character through", () => {
    const message = expectWithinSlackLimits(renderSlackMessage(hostileReply()));
    const all = visibleText(message).join("\n");
    expect(liveTokens(message)).toEqual([]);
    expect(all).not.toMatch(/<[!@#]|<https?:/);
    expect(all).not.toMatch(/@(everyone|here|channel)/i);
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(all).not.toContain("[31m");
    // Still readable: the injected text is shown, escaped.
    expect(all).toContain("&lt;!channel&gt;");
  });

  it("pings exactly reply.mentions at the start of a public reply", () => {
    const message = renderSlackMessage(hostileReply({ mentions: ["U42"] }));
    expect(message.text.startsWith("<@U42> ")).toBe(true);
    const lead = message.blocks.find((b) => b.type === "section");
    expect(lead?.type === "section" && lead.text?.text.startsWith("<@U42> Lead")).toBe(true);
    expect(new Set(liveTokens(message))).toEqual(new Set(["<@U42>"]));
  });

  it("pings no one from a private reply and refuses malformed ids", () => {
    expect(liveTokens(renderSlackMessage(realisticReply({ visibility: "private", mentions: ["U42"] })))).toEqual([]);
    const forged = renderSlackMessage(realisticReply({ mentions: ["U1><!channel", "U7"] }));
    expect(new Set(liveTokens(forged))).toEqual(new Set(["<@U7>"]));
  });
});
