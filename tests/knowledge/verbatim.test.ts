/**
 * The verbatim guarantee, over generated documents in the three shapes the parser reads (Markdown with
 * blank-line paragraphs, plain text with a paragraph per line, and a sentence-per-line export with run-in
 * headings): every passage is a substring of its source after whitespace normalisation, every heading word
 * comes from its own heading line, and no passage runs across a paragraph break.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/knowledge/index.js";

/** Capitalised words that also open sentences, so headings and first sentences share words, as in "The Paris Turn". */
const CAPITALISED = ["The", "Paris", "Turn", "Trust", "Deficit", "Early", "Talks", "Nuclear", "Power", "River", "Canal", "Water"];
const LOWER = ["talks", "power", "failed", "because", "water", "rights", "often", "remain", "stalled", "agreement", "of", "the", "and", "reliability"];
const OPENERS = ["The", "However,", "Advocates", "Nations", "Critics", "This", "Paris", "Nuclear", "In"];

const word = (pool: readonly string[]) => fc.constantFrom(...pool);
const citation = fc.option(
  fc.record({ author: word(["Ritchie", "Smith", "Gleick", "World Health Organization"]), year: fc.integer({ min: 1990, max: 2024 }) }),
  { nil: undefined },
);
const sentence = fc
  .record({
    opener: word(OPENERS),
    // Headings share their first words with the sentences under them, to tempt the run-in heuristics.
    middle: fc.array(fc.oneof(word(LOWER), word(CAPITALISED)), { minLength: 1, maxLength: 12 }),
    citation,
    end: word([".", ".", "?", "!"]),
  })
  .map(({ opener, middle, citation, end }) => `${opener} ${middle.join(" ")}${citation ? ` (${citation.author}, ${citation.year})` : ""}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 });
const heading = fc.array(word(CAPITALISED), { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
const section = fc.record({ heading, paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) });
const documentShape = fc.record({ title: heading, sections: fc.array(section, { minLength: 1, maxLength: 4 }) });
type Shape = fc.Arbitrary<{ title: string; sections: Array<{ heading: string; paragraphs: string[][] }> }> extends fc.Arbitrary<infer T> ? T : never;

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function markdown(shape: Shape): string {
  return [`# ${shape.title}`, ...shape.sections.flatMap((s) => [`## ${s.heading}`, ...s.paragraphs.map((p) => p.join(" "))])].join("\n\n");
}
function paragraphPerLine(shape: Shape): string {
  return [shape.title, ...shape.sections.flatMap((s) => [`${s.heading}:`, ...s.paragraphs.map((p) => p.join(" "))])].join("\n");
}
function sentencePerLine(shape: Shape): string {
  return [shape.title, ...shape.sections.flatMap((s) => s.paragraphs.flat().map((line, i) => (i === 0 ? `${s.heading} ${line}` : line)))].join("\n");
}

function checkVerbatim(source: string) {
  const document = parseDocument("generated", "generated.txt", source);
  const normalised = squash(source);
  const lines = source.split("\n").map((line) => line.replace(/^#+\s*/, "").trim());
  for (const passage of document.passages) expect(normalised).toContain(squash(passage.text));
  for (const { heading } of document.sections) {
    const line = lines.find((candidate) => candidate === heading || candidate.startsWith(`${heading} `));
    expect(line, `heading "${heading}" is not the start of any line`).toBeDefined();
  }
  return document;
}

describe("every passage is verbatim and every heading whole, whatever the document", () => {
  it("Markdown: `#` lines are the headings, whole, and passages stay within their paragraph", () => {
    fc.assert(
      fc.property(documentShape, (shape) => {
        const document = checkVerbatim(markdown(shape));
        expect(document.title).toBe(shape.title);
        expect(document.sections.map((s) => s.heading)).toEqual(shape.sections.map((s) => s.heading));
        const paragraphs = shape.sections.flatMap((s) => s.paragraphs.map((p) => p.join(" ")));
        for (const passage of document.passages) expect(paragraphs.some((p) => p.includes(passage.text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // With one sentence a line, a paragraph per line cannot be told from a sentence-per-line export; with two
  // or more it can, and then each line bounds its passages.
  const paragraphsOfTwo = fc.record({
    title: heading,
    sections: fc.array(fc.record({ heading, paragraphs: fc.array(fc.array(sentence, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  });

  it("plain text with a paragraph per line: passages stay within their line", () => {
    fc.assert(
      fc.property(paragraphsOfTwo, (shape) => {
        const source = paragraphPerLine(shape);
        const document = checkVerbatim(source);
        const lines = source.split("\n");
        for (const passage of document.passages) expect(lines.some((line) => line.includes(passage.text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a sentence-per-line export with headings run into their first sentence", () => {
    fc.assert(fc.property(documentShape, (shape) => void checkVerbatim(sentencePerLine(shape))), { numRuns: 300 });
  });
});
