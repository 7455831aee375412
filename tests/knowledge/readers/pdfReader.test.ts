/**
 * The PDF reader against PDFs laid out as word processors and LaTeX lay them out (built here with pdf-lib):
 * two columns, running headers, page numbers and words hyphenated at line ends; and the page every passage
 * is given, checked against where the typesetter put its lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, readDocument, type KnowledgeDocument } from "../../../src/knowledge/index.js";
import { pdfReader } from "../../../src/knowledge/readers/pdfReader.js";
import { pdfFromLines } from "./fixtures.js";
import { sampleParagraphs, typesetPdf, type TypesetLine, type TypesetPdf } from "./typesetPdf.js";

const HEADER = "Journal of Shared Rivers · Volume 12";
const FOOTER = "© 2024 The River Press. Downloaded by a library for personal use only.";
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The paragraphs of extracted text (headings left out). */
function paragraphsOf(text: string): string[] {
  return text.split("\n\n").filter((block) => !block.startsWith("#"));
}

/**
 * The page of each character of the typeset text, whitespace left out and line-end hyphens undone: the
 * ground truth a passage's page is checked against.
 */
function typesetPages(lines: readonly TypesetLine[]): { compact: string; pageAt: number[] } {
  let compact = "";
  const pageAt: number[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, "").replace(/(?<=\p{Ll})-$/u, "");
    compact += text;
    pageAt.push(...Array.from(text, () => line.page));
  }
  return { compact, pageAt };
}

describe.each([1, 2] as const)("a %i-column PDF with a running header and footer, page numbers and hyphenation", (columns) => {
  const paragraphs = sampleParagraphs(48, columns);
  let typeset: TypesetPdf;
  let text: string;
  let document: KnowledgeDocument;
  let dir: string;

  beforeAll(async () => {
    typeset = await typesetPdf({
      title: "Sharing a River",
      columns,
      header: HEADER,
      footer: FOOTER,
      pageNumbers: true,
      hyphenate: true,
      blocks: [{ heading: "Early Talks" }, ...paragraphs.slice(0, 24).map((paragraph) => ({ paragraph })), { heading: "Later Rounds" }, ...paragraphs.slice(24).map((paragraph) => ({ paragraph }))],
    });
    dir = mkdtempSync(path.join(tmpdir(), "gt-pdf-"));
    writeFileSync(path.join(dir, "sharing-a-river.pdf"), typeset.bytes);
    text = (await readDocument(dir, "sharing-a-river.pdf")).text;
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.errors).toEqual([]);
    document = knowledge.documents[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a realistic fixture: several pages, lines hyphenated at their ends", () => {
    expect(typeset.pageCount).toBeGreaterThanOrEqual(4);
    expect(typeset.lines.filter((line) => line.text.endsWith("-")).length).toBeGreaterThan(20);
  });

  it("reads every paragraph whole and in order, across columns and pages, with hyphenation undone", () => {
    expect(paragraphsOf(text)).toEqual(paragraphs);
  });

  it("drops the running header and footer and the page numbers", () => {
    expect(text).not.toContain("Journal of Shared Rivers");
    expect(text).not.toContain("River Press");
    expect(text.split(/\n+/).filter((line) => /^\d+$/.test(line.trim()))).toEqual([]);
  });

  it("keeps the title and headings, told by their larger type", () => {
    expect(text.startsWith("# Sharing a River\n\n")).toBe(true);
    expect(document.title).toBe("Sharing a River");
    expect(document.sections.map((section) => section.heading)).toEqual(["Early Talks", "Later Rounds"]);
  });

  it("gives every passage the page it starts on, and the page it ends on when it runs over", () => {
    const truth = typesetPages(typeset.lines);
    let cursor = 0;
    let runsOver = 0;
    for (const passage of document.passages) {
      const wanted = passage.text.replace(/\s+/g, "");
      const at = truth.compact.indexOf(wanted, cursor);
      expect(at, passage.text).toBeGreaterThanOrEqual(0);
      cursor = at + wanted.length;
      const [first, last] = [truth.pageAt[at]!, truth.pageAt[at + wanted.length - 1]!];
      expect({ page: passage.page, pageEnd: passage.pageEnd }).toEqual({ page: first, pageEnd: last === first ? undefined : last });
      if (last !== first) runsOver++;
    }
    expect(runsOver).toBeGreaterThan(0);
    expect(new Set(document.passages.map((passage) => passage.page)).size).toBe(typeset.pageCount);
  });

  it("quotes only what was extracted: every passage is a substring of the extracted text", () => {
    for (const passage of document.passages) expect(squash(text)).toContain(squash(passage.text));
  });
});

/**
 * A PDF made here by a real typesetter, not by the test's own layout code: GNU groff's ms macros
 * (`groff -ms -Tpdf groff-two-column.ms > groff-two-column.pdf`, groff 1.22.4), which justify two columns, set
 * `fi` and `ffi` ligatures, hyphenate by their own rules and number the pages in the running header.
 */
describe("a two-column PDF typeset by groff", () => {
  const FIXTURE = "tests/fixtures/readers/groff-two-column";

  it("reads every paragraph of the source whole and in order, ligatures spelled out", async () => {
    const source = readFileSync(`${FIXTURE}.ms`, "utf8").split("\n");
    const paragraphs = source.flatMap((line, i) => (source[i - 1] === ".PP" ? [line] : []));
    const { text } = await pdfReader.read(readFileSync(`${FIXTURE}.pdf`), "groff-two-column.pdf");
    expect(paragraphs.length).toBeGreaterThan(30);
    expect(paragraphsOf(text).filter((paragraph) => paragraph.startsWith("Point"))).toEqual(paragraphs);
    expect(text).not.toContain("Basin Review");
    expect(text.match(/^## .*Part \d of the Study$/gm)).toHaveLength(4);
  });
});

describe("line ends", () => {
  const at = (text: string, y: number, x = 72) => ({ text, x, y });

  it("undoes a hyphen the line break added, keeps one the word has, and keeps a soft break's word whole", async () => {
    const bytes = await pdfFromLines([
      [
        at("The commissioners began the nego-", 700),
        at("tiations in spring, guided by a well-", 686),
        at("known precedent of Franco-", 672),
        at("German cooperation on the upper Rhine.", 658),
      ],
    ]);
    const { text } = await pdfReader.read(bytes, "line-ends.pdf");
    expect(text).toBe("The commissioners began the negotiations in spring, guided by a well-known precedent of Franco-German cooperation on the upper Rhine.");
  });

  it("keeps lines of a paragraph apart from the next paragraph, by indent and by spacing", async () => {
    const bytes = await pdfFromLines([
      [
        at("The first paragraph opens here and runs on to a", 700),
        at("second line.", 686),
        at("An indented paragraph starts on the next line and", 672, 90),
        at("continues at the margin.", 658),
        at("A paragraph after a blank line.", 630),
      ],
    ]);
    const { text } = await pdfReader.read(bytes, "paragraphs.pdf");
    expect(paragraphsOf(text)).toEqual([
      "The first paragraph opens here and runs on to a second line.",
      "An indented paragraph starts on the next line and continues at the margin.",
      "A paragraph after a blank line.",
    ]);
  });

  it("ends a paragraph with neither indent nor spacing where its last line stops short of a word that would fit", async () => {
    const bytes = await pdfFromLines([
      [
        at("The first paragraph runs from the left margin right across to the", 700),
        at("right margin, and this line ends a sentence near the edge too.", 686),
        at("Nevertheless the paragraph goes on for one more line and", 672),
        at("then stops.", 658),
        at("A second paragraph follows without an indent or a gap.", 644),
      ],
    ]);
    const { text } = await pdfReader.read(bytes, "block-paragraphs.pdf");
    expect(paragraphsOf(text)).toEqual([
      "The first paragraph runs from the left margin right across to the right margin, and this line ends a sentence near the edge too. Nevertheless the paragraph goes on for one more line and then stops.",
      "A second paragraph follows without an indent or a gap.",
    ]);
  });

  it("drops page numbers in their usual forms, and keeps a word alone in the margin", async () => {
    const page = (body: string, footer: string) => [at(body, 700), at(footer, 40, 300)];
    const bytes = await pdfFromLines([
      page("Front matter is numbered in Roman numerals.", "xii"),
      page("Some reports write the page out in full.", "Page 5 of 9"),
      page("Others set it between dashes.", "- 6 -"),
      page("A single word can sit in the bottom margin too.", "Civil"),
    ]);
    const { text } = await pdfReader.read(bytes, "numbers.pdf");
    expect(text).not.toMatch(/xii|Page 5|- 6 -/);
    expect(text).toContain("Civil");
  });

  it("reads a table's cells on one line as one line, not as columns", async () => {
    const rows = ["Year", "Flow", "Share"].map((_, i) => [`20${10 + i}`, `${3 + i}.5 km3`, `${40 + i}%`]);
    const bytes = await pdfFromLines([
      [at("Measured flows by year.", 720), ...rows.flatMap((cells, r) => cells.map((cell, c) => at(cell, 700 - r * 14, 72 + c * 150)))],
    ]);
    const { text } = await pdfReader.read(bytes, "table.pdf");
    for (const cells of rows) expect(text).toContain(cells.join(" "));
  });
});
