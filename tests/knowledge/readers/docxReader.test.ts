/** Word documents built with the `docx` package, read as a user's Word file would be. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, readDocument, type KnowledgeDocument } from "../../../src/knowledge/index.js";
import { wordDocument } from "./fixtures.js";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("a Word document", () => {
  let dir: string;
  let text: string;
  let document: KnowledgeDocument;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gt-docx-"));
    const bytes = await wordDocument([
      { title: "Sharing the Upper Basin" },
      { paragraph: "The basin commission was founded after the drought years. Its members meet twice a year (Okafor, 2019)." },
      { heading: "Why the Talks Began", level: 1 },
      { paragraph: "Farmers downstream lost a third of their harvest when the reservoir was filled." },
      { paragraph: "The commission named three causes:" },
      { bullets: ["upstream dams held back the spring flood", "canals leaked into the desert", "nobody measured the flow"] },
      { heading: "What Was Agreed", level: 2 },
      { numbered: ["Publish the gauge readings every week.", "Release water before the planting season."] },
      { table: [["Year", "Flow (km3)", "Share downstream"], ["2019", "3.4", "41%"], ["2020", "2.9", "38%"]] },
      { heading: "References", level: 1 },
      { paragraph: "Okafor, C. (2019). Rivers in Common. Delta Press." },
    ]);
    writeFileSync(path.join(dir, "Upper Basin.docx"), bytes);
    text = (await readDocument(dir, "Upper Basin.docx")).text;
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.errors).toEqual([]);
    document = knowledge.documents[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes its title from the Title style and its sections from the heading styles", () => {
    expect(document.id).toBe("upper-basin");
    expect(document.title).toBe("Sharing the Upper Basin");
    expect(document.sections.map((section) => section.heading)).toEqual(["Sharing the Upper Basin", "Why the Talks Began", "What Was Agreed"]);
  });

  it("reads a list as item lines and a table as rows of cells", () => {
    expect(text).toContain("- upstream dams held back the spring flood\n- canals leaked into the desert\n- nobody measured the flow");
    expect(text).toContain("1) Publish the gauge readings every week.\n2) Release water before the planting season.");
    expect(text).toContain("Year | Flow (km3) | Share downstream\n2019 | 3.4 | 41%\n2020 | 2.9 | 38%");
  });

  it("answers from a list item and from a table row, in their sections", () => {
    const passages = document.passages;
    const item = passages.find((passage) => passage.text.includes("canals leaked into the desert"))!;
    expect(item.section).toBe("Why the Talks Began");
    const row = passages.find((passage) => passage.text.includes("2020 | 2.9 | 38%"))!;
    expect(row.section).toBe("What Was Agreed");
  });

  it("parses its citations and reference list like any other document's", () => {
    const okafor = document.sources.find((source) => source.key === "okafor-2019")!;
    expect(okafor.reference?.text).toBe("Okafor, C. (2019). Rivers in Common. Delta Press.");
    expect(okafor.cited).toBe(true);
  });

  it("quotes only what was extracted, and has no pages", () => {
    for (const passage of document.passages) {
      expect(squash(text)).toContain(squash(passage.text));
      expect(passage.page).toBeUndefined();
    }
  });
});
