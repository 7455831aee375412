import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCitations, parseDocument } from "../../src/knowledge/index.js";

const essay = readFileSync("knowledge/russia-ukraine-peace-talks.txt", "utf8");
const document = parseDocument("russia-ukraine-peace-talks", "russia-ukraine-peace-talks.txt", essay);
const passageWith = (phrase: string) => document.passages.find((p) => p.text.includes(phrase));

describe("parseDocument on the damaged essay", () => {
  it("takes the title from line 1 and the subtitle from the start of line 2", () => {
    expect(document.title).toBe("Russia Ukraine Peace Talks");
    expect(document.subtitle).toBe("The Illusion of Diplomacy: A Critical Examination of Russia-Ukraine Peace Talks");
  });

  it("splits headings off the sentences they run into", () => {
    expect(document.sections.map((s) => s.heading)).toEqual([
      "The Illusion of Diplomacy: A Critical Examination of Russia-Ukraine Peace Talks",
      "Thesis Statement",
      "The Diplomatic Charade: A History of Failed Negotiations",
      "The Trust Deficit and Enforcement Challenges",
      "Geopolitical Obstacles: The Role of External Actors",
      "Conclusion: Peace or Prolonged War?",
    ]);
    expect(passageWith("Despite intermittent")!.text.startsWith("Despite intermittent diplomatic overtures")).toBe(true);
    expect(passageWith("Early talks in Belarus")!.text.startsWith("Early talks in Belarus")).toBe(true);
    expect(passageWith("peace process is trapped")!.section).toBe("Conclusion: Peace or Prolonged War?");
  });

  it("mends sentences cut at abbreviations", () => {
    expect(passageWith("(e.g., Kofman, 2023) contend")).toBeDefined();
    expect(passageWith("The U.S. and EU’s military support for Ukraine")).toBeDefined();
    expect(document.passages.some((p) => /^(g\.|S\.|, Kofman)/.test(p.text))).toBe(false);
  });

  it("keeps passages to one to three sentences of at most 500 characters, verbatim", () => {
    // Verbatim up to the line breaks the repair removed: the same characters in the same order.
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    for (const passage of document.passages) {
      expect(passage.sentences.length).toBeGreaterThanOrEqual(1);
      expect(passage.sentences.length).toBeLessThanOrEqual(3);
      expect(passage.text.length).toBeLessThanOrEqual(500);
      expect(squeeze(essay)).toContain(squeeze(passage.text));
    }
    expect(document.passages).toHaveLength(19);
  });

  it("repairs the reference list broken across lines", () => {
    expect(document.references.map((r) => r.text)).toEqual([
      "BBC. (2022).",
      "Kofman, M. (2023). War on the Rocks.",
      "Mearsheimer, J. (2014). Foreign Affairs.",
      "ISW. (2022).",
      "Wilson, A. (2022). Chatham House.",
    ]);
    expect(document.passages.some((p) => p.text.includes("War on the Rocks"))).toBe(false);
  });

  it("links every citation form to its reference entry and its passages", () => {
    const byKey = new Map(document.sources.map((s) => [s.key, s]));
    expect([...byKey.keys()].sort()).toEqual(
      ["bbc-2022", "financial-times-2023", "isw-2022", "kofman-2023", "mearsheimer-2014", "reuters-2023", "sakwa-2023", "wilson-2022"],
    );
    expect(byKey.get("mearsheimer-2014")!.reference!.text).toBe("Mearsheimer, J. (2014). Foreign Affairs.");
    expect(byKey.get("kofman-2023")!.passageIds).toEqual([passageWith("Kofman, 2023")!.id]);
    expect(byKey.get("wilson-2022")!.passageIds).toEqual([passageWith("(Wilson, 2022)")!.id]);
    expect(byKey.get("bbc-2022")!.passageIds).toEqual([passageWith("(BBC, 2022)")!.id]);
  });

  it("derives the integrity problems", () => {
    const missing = document.sources.filter((s) => s.cited && !s.inReferenceList).map((s) => s.author);
    expect(missing.sort()).toEqual(["Financial Times", "Reuters", "Sakwa"]);
    const incomplete = document.sources.filter((s) => s.reference && !s.reference.details).map((s) => s.author);
    expect(incomplete.sort()).toEqual(["BBC", "ISW"]);
    expect(document.sources.filter((s) => !s.cited)).toEqual([]);
    expect(document.problems).toHaveLength(5);
    expect(document.problems.join(" ")).toMatch(/Reuters \(2023\) is cited in the text but missing from the reference list/);
  });
});

describe("parseCitations", () => {
  it.each([
    ["derailed these efforts (BBC, 2022).", [["BBC", "2022"]]],
    ["Scholars like Mearsheimer (2014) argue", [["Mearsheimer", "2014"]]],
    ["analysts (e.g., Kofman, 2023) contend", [["Kofman", "2023"]]],
    ["biased (Financial Times, 2023).", [["Financial Times", "2023"]]],
    ["as shown (Smith & Lee, 2020; Park, 2019a, p. 4).", [["Smith & Lee", "2020"], ["Park", "2019a"]]],
    ["Smith et al. (2021) found", [["Smith et al.", "2021"]]],
    ["talks (March-April 2022) briefly", []],
    ["the Minsk accords (2014-2015) to", []],
    ["signed in September (2022) by", []],
  ])("%s", (sentence, expected) => {
    expect(parseCitations(sentence).map((c) => [c.author, c.year])).toEqual(expected);
  });
});

describe("parseDocument on other shapes of essay", () => {
  it("reads a markdown essay with headings on their own lines and paragraphs of several sentences", () => {
    const markdown = [
      "# Water Wars",
      "## Introduction",
      "Rivers cross borders. Dams upstream change lives downstream (Gleick, 2014). Treaties help, e.g. the Indus treaty.",
      "## The Nile",
      "Ethiopia built the GERD. Egypt objects, as Tvedt (2010) explains.",
      "## References",
      "- Gleick, P. (2014). Water, Drought, Climate Change, and Conflict in Syria. Weather, Climate, and Society.",
      "- Tvedt, T.",
      "(2010).",
      "The River Nile in the Post-Colonial Age.",
    ].join("\n");
    const doc = parseDocument("water-wars", "water-wars.md", markdown);
    expect(doc.title).toBe("Water Wars");
    expect(doc.sections.map((s) => s.heading)).toEqual(["Introduction", "The Nile"]);
    expect(doc.passages.flatMap((p) => p.sentences)).toContain("Treaties help, e.g. the Indus treaty.");
    expect(doc.sources.map((s) => [s.key, s.inReferenceList, s.passageIds.length])).toEqual([
      ["gleick-2014", true, 1],
      ["tvedt-2010", true, 1],
    ]);
    expect(doc.problems).toEqual([]);
  });

  it("does not take a sentence that opens with a capitalised name for a heading", () => {
    const doc = parseDocument("x", "x.txt", "Notes\nNATO Secretary General Jens Stoltenberg said talks must continue.\nThey did not.");
    expect(doc.sections).toHaveLength(1);
    expect(doc.passages[0]!.text).toContain("NATO Secretary General Jens Stoltenberg said");
  });

  it("splits an over-long sentence into verbatim pieces without breaking a citation", () => {
    const clause = "the negotiators met again and again without result";
    const sentence = `${Array.from({ length: 14 }, () => clause).join(", ")} (Smith, 2020), ${clause}.`;
    const doc = parseDocument("long", "long.txt", `Long\n${sentence}`);
    expect(doc.passages.length).toBeGreaterThan(1);
    for (const p of doc.passages) expect(p.text.length).toBeLessThanOrEqual(500);
    expect(doc.passages.map((p) => p.text).join(" ")).toBe(sentence);
    expect(doc.passages.some((p) => p.text.includes("(Smith, 2020)"))).toBe(true);
  });

  it("refuses a file with no text", () => {
    expect(() => parseDocument("e", "e.txt", "\n \n\t\n")).toThrow(/empty/);
  });
});

describe("run-in headings in other essays", () => {
  it.each([
    ["Thesis The canal failed because of underfunding.", "Thesis", "The canal failed because of underfunding."],
    [
      "Political Rivalry: Two Towns, One Terminus The towns fought over the route.",
      "Political Rivalry: Two Towns, One Terminus",
      "The towns fought over the route.",
    ],
    ["Introduction Rivers cross borders, and so do disputes.", "Introduction", "Rivers cross borders, and so do disputes."],
  ])("%s", (line, heading, body) => {
    const doc = parseDocument("x", "x.txt", `Title\n${line}\nAnother sentence follows here.`);
    expect(doc.sections[0]!.heading).toBe(heading);
    expect(doc.passages[0]!.text.startsWith(body)).toBe(true);
  });

  it.each([
    "Ukraine, Russia and the West have all claimed victory.",
    "Kofman Said little about the talks.",
    "Putin’s September 2022 annexation of four regions signalled intent.",
  ])("leaves a plain sentence alone: %s", (line) => {
    const doc = parseDocument("x", "x.txt", `Title\n${line}`);
    expect(doc.sections.map((s) => s.heading)).toEqual(["Title"]);
  });
});

describe("Markdown and paragraphs", () => {
  const energy = [
    "# Energy Futures",
    "",
    "## The Paris Turn",
    "",
    "The Paris Agreement of 2015 set a target of well below two degrees. Nations submitted their own pledges (UNFCCC, 2015).",
    "",
    "Nuclear power is low in carbon (Ritchie, 2020).",
    "",
    "Advocates also stress reliability. Reactors run in all weather, and the World Health Organization (2021) counts few deaths.",
    "",
    "## References",
    "",
    "- Ritchie, H. (2020). Our World in Data.",
    "- UNFCCC. (2015). The Paris Agreement.",
    "- World Health Organization. (2021). Air Quality Guidelines.",
  ].join("\n");
  const doc = parseDocument("energy", "energy.md", energy);

  it("takes a `#` line as a heading, whole, even when its paragraph opens with the same words", () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(["The Paris Turn"]);
    expect(doc.passages[0]!.text.startsWith("The Paris Agreement of 2015")).toBe(true);
  });

  it("never glues the first sentence of a paragraph to the last passage of the one before", () => {
    const texts = doc.passages.map((p) => p.text);
    expect(texts).toContain("Nuclear power is low in carbon (Ritchie, 2020).");
    // A short opening sentence introduces the one after it, within its own paragraph.
    expect(texts).toContain(
      "Advocates also stress reliability. Reactors run in all weather, and the World Health Organization (2021) counts few deaths.",
    );
  });

  it("reads an organisation's name as a narrative citation when the reference list has it", () => {
    const cited = doc.passages.flatMap((p) => p.citations).map((c) => `${c.author} ${c.year} ${c.raw}`);
    expect(cited).toContain("World Health Organization 2021 World Health Organization (2021)");
    expect(doc.problems).toEqual([]);
  });

  it("treats each line of plain text as a paragraph when lines hold several sentences", () => {
    const plain = parseDocument("p", "p.txt", "Water\nRivers cross borders. Dams change lives.\nShort one. Treaties help, as Gleick (2014) shows.");
    expect(plain.passages.map((p) => p.text)).toEqual([
      "Rivers cross borders. Dams change lives.",
      "Short one. Treaties help, as Gleick (2014) shows.",
    ]);
  });

  it("never takes sections with bulleted lists for the reference list: it does not run across a heading", () => {
    // As the Word reader writes a document: a list is one paragraph of item lines.
    const converted = [
      "# Sharing the Basin",
      "The commission was founded after three years of drought left farmers downstream without water for their fields and towns.",
      "## Causes",
      "- upstream dams held back the flood\n- canals leaked into the desert",
      "## Agreed",
      "1) Publish the gauge readings weekly.",
      "Okafor, C. (2019). Rivers in Common.",
    ].join("\n\n");
    const doc = parseDocument("basin", "basin.docx", converted);
    expect(doc.sections.map((s) => s.heading)).toEqual(["Sharing the Basin", "Causes", "Agreed"]);
    expect(doc.passages.map((p) => p.text)).toContain("- upstream dams held back the flood - canals leaked into the desert");
    // A numbered item that runs into a reference-like line is not a reference entry written by "Publish … Okafor".
    expect(doc.references).toEqual([]);
  });

  it("ends a reference list found by its bullets at the section heading above it", () => {
    const converted = [
      "# Sharing the Basin",
      "The commission was founded after three years of drought left farmers downstream without water for their fields and towns.",
      "## Causes",
      "- upstream dams held back the flood\n- canals leaked into the desert",
      "## Further Reading",
      "- Okafor, C. (2019). Rivers in Common.",
    ].join("\n\n");
    const doc = parseDocument("basin", "basin.md", converted);
    expect(doc.sections.map((s) => s.heading)).toEqual(["Sharing the Basin", "Causes"]);
    expect(doc.passages.map((p) => p.text)).toContain("- upstream dams held back the flood - canals leaked into the desert");
    expect(doc.references.map((r) => r.text)).toEqual(["Okafor, C. (2019). Rivers in Common."]);
  });
});
