import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { KnowledgeBase, parseDocument } from "../../src/knowledge/index.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

// Persian "we want", spelled with a zero-width non-joiner (U+200C) as it is written.
const PERSIAN_WORD = "می\u200cخواهیم";
// A judge of medium skin tone: woman + skin tone + ZWJ (U+200D) + scales + variation selector.
const JUDGE_EMOJI = "👩🏽\u200d⚖️";

const text = [
  "# Joined Letters",
  "",
  "## Opening",
  "",
  `The council wrote: ${PERSIAN_WORD} peace on the river before the summer floods arrive.`,
  `The chair signed the ruling ${JUDGE_EMOJI} and closed the session on water rights.`,
].join("\n");

const document = parseDocument("joined-letters", "joined-letters.md", text);
const knowledge = new KnowledgeBase([document], []);

describe("zero-width joiners (U+200C, U+200D)", () => {
  it("stay in the passages, so a quote is the document's own spelling", () => {
    const passages = document.passages.map((passage) => passage.text).join("\n");
    expect(passages).toContain(PERSIAN_WORD);
    expect(passages).toContain(JUDGE_EMOJI);
  });

  it("do not change what a search finds, typed or not", () => {
    const typed = knowledge.search(PERSIAN_WORD);
    const untyped = knowledge.search("میخواهیم");
    expect(typed.hits[0]?.passage.text).toContain(PERSIAN_WORD);
    expect(untyped.hits[0]?.passage.text).toContain(PERSIAN_WORD);
  });

  it("survive a command's input and come back verbatim in the answer", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const reply = await registry.run({ command: "ask", text: `${PERSIAN_WORD} peace`, user: { id: "u" }, platform: consoleTraits });
    expect(reply.title).toBe(`${PERSIAN_WORD} peace`);
    expect(reply.quotes[0]?.text).toContain(PERSIAN_WORD);
  });

  it("while the zero-width space and direction overrides, which hide text, are still removed", () => {
    const hidden = parseDocument("hidden", "hidden.md", "# Hidden\n\n## Part\n\nThe pact\u200b was \u202esigned\u202c by both sides in the spring.");
    expect(hidden.passages[0]!.text).toBe("The pact was signed by both sides in the spring.");
  });
});
