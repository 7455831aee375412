/** Web pages saved into the knowledge folder: the article, its title and headings, and nothing around it. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, readDocument, type KnowledgeDocument } from "../../../src/knowledge/index.js";
import { htmlReader } from "../../../src/knowledge/readers/htmlReader.js";
import { savedWebPage } from "./fixtures.js";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const ARTICLE = {
  title: "Rivers Without Borders",
  sections: [
    {
      heading: "Upstream Pressures",
      paragraphs: [
        "The river commission met again in the autumn to weigh the new dam against the needs of farmers downstream (Okafor, 2019).",
        "Engineers presented gauge readings from twelve stations, and the ministers agreed to publish them every week from the spring.",
      ],
    },
    {
      heading: "Downstream Consequences",
      paragraphs: [
        "Villages along the lower valley reported wells running dry for the first time in living memory.",
        "A regional court will hear the first water-rights case under the new treaty next year, observers said.",
      ],
    },
  ],
};

describe("a saved news article", () => {
  let dir: string;
  let text: string;
  let document: KnowledgeDocument;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gt-html-"));
    writeFileSync(path.join(dir, "rivers-without-borders.html"), savedWebPage(ARTICLE));
    text = (await readDocument(dir, "rivers-without-borders.html")).text;
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.errors).toEqual([]);
    document = knowledge.documents[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the article: its headline as the title, its headings as sections, every paragraph", () => {
    expect(document.title).toBe("Rivers Without Borders");
    expect(document.sections.map((section) => section.heading)).toEqual(["Upstream Pressures", "Downstream Consequences"]);
    for (const section of ARTICLE.sections) for (const paragraph of section.paragraphs) expect(text).toContain(paragraph);
  });

  it("leaves out navigation, adverts, the cookie banner, related links, the footer, scripts and styles", () => {
    for (const furniture of ["Subscribe now", "Riverboat 3000", "Advertisement", "cookies", "Ten ways to cook rice", "All rights reserved", "Privacy policy", "TRACKING CODE", "SECOND SCRIPT", "STYLE TEXT", "The Daily Current"]) {
      expect(text).not.toContain(furniture);
    }
  });

  it("quotes only what was extracted", () => {
    for (const passage of document.passages) expect(squash(text)).toContain(squash(passage.text));
    expect(document.passages.flatMap((passage) => passage.citations).map((citation) => citation.author)).toContain("Okafor");
  });
});

describe("pages that are not articles, and old encodings", () => {
  it("reads a short page with no article Readability can find from its body, without the page furniture", async () => {
    const html = `<html><head><title>Notes</title></head><body><header>Site name</header><nav><a href="/">Home</a></nav>
      <h1>Meeting Notes</h1><p>The board met on Monday.</p><ul><li>Budget approved.</li><li>Next meeting in May.</li></ul>
      <footer>Contact us</footer></body></html>`;
    const { text } = await htmlReader.read(Buffer.from(html), "notes.html");
    expect(text).toBe("# Meeting Notes\n\nThe board met on Monday.\n\n- Budget approved.\n- Next meeting in May.");
  });

  it("decodes a page in the encoding its meta tag names", async () => {
    const html = `<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><h1>Caf\xe9 Society</h1><p>The caf\xe9 opened na\xefvely in 1921.</p></body></html>`;
    const { text } = await htmlReader.read(Buffer.from(html, "latin1"), "cafe.html");
    expect(text).toBe("# Café Society\n\nThe café opened naïvely in 1921.");
  });
});
