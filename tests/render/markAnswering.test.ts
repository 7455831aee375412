import { describe, expect, it } from "vitest";
import type { ReplyQuote } from "../../src/reply/types.js";
import { renderDiscordMessage } from "../../src/platforms/discord/render.js";
import { renderSlackMessage } from "../../src/platforms/slack/render.js";
import { renderText } from "../../src/platforms/console/render.js";
import { realisticReply } from "./fixtures.js";

const FIRST = "Early talks briefly raised hopes.";
const SECOND = "However, atrocities in *Bucha* derailed these efforts (BBC, 2022).";
const quote: ReplyQuote = {
  passageId: "essay#5",
  text: `${FIRST} ${SECOND}`,
  document: "Essay",
  section: "History",
  citations: [],
  answering: FIRST,
};
const reply = (q: ReplyQuote) => realisticReply({ quotes: [q], references: [] });

describe("the sentence that answered is marked, and the quote stays verbatim", () => {
  it("bold on Slack", () => {
    const blocks = JSON.stringify(renderSlackMessage(reply(quote)).blocks);
    expect(blocks).toContain(`>*${FIRST}* However, atrocities in *Bucha* derailed`);
  });

  it("bold on Discord, with the passage's own markdown characters still escaped", () => {
    const description = renderDiscordMessage(reply({ ...quote, answering: SECOND })).embeds[0]!.description!;
    expect(description).toContain(`> ${FIRST} **However, atrocities in \\*Bucha\\* derailed these efforts (BBC, 2022).**`);
  });

  it("in the terminal: bold and underlined in colour, between ** when plain", () => {
    expect(renderText(reply(quote))).toContain(`    **${FIRST}** ${SECOND}`);
    expect(renderText(reply(quote), { color: true })).toContain(`\u001b[1m\u001b[4m${FIRST}\u001b[24m\u001b[22m`);
  });

  it("marks nothing when the passage is one sentence, or the sentence was cut off", () => {
    expect(renderText(reply({ ...quote, text: FIRST }))).toContain(`    ${FIRST}\n`);
    expect(renderText(reply({ ...quote, answering: "Not in the passage." }))).toContain(`    ${FIRST} ${SECOND}\n`);
  });
});
