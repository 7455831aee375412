/**
 * The search tuning (src/knowledge/searchOptions.ts): one object with every default, laid over group by
 * group, and each group actually read by the knowledge base it is given to.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SEARCH_TUNING, KnowledgeBase, parseDocument, searchTuning } from "../../src/knowledge/index.js";

const document = parseDocument(
  "harbours",
  "harbours.md",
  [
    "# Harbours",
    "",
    "## Dredging",
    "",
    "Dredging keeps the channel open for the ferries that cross the bay every hour.",
    "",
    "## Tolls",
    "",
    "The harbour board raised its tolls (Lindqvist, 2020). Fishermen say the tolls fall hardest on small boats.",
    "",
    "## References",
    "",
    "- Lindqvist, A. (2020). Ports and their keepers. Harbour Review.",
  ].join("\n"),
);

describe("the search tuning", () => {
  it("keeps every default in one object and lays options over it group by group", () => {
    const tuning = searchTuning({ ranking: { fieldBoost: { sources: 3 } }, confidence: { strongCoverage: 0.9 } });
    expect(tuning.ranking.fieldBoost).toEqual({ ...DEFAULT_SEARCH_TUNING.ranking.fieldBoost, sources: 3 });
    expect(tuning.ranking.phraseBonus).toBe(DEFAULT_SEARCH_TUNING.ranking.phraseBonus);
    expect(tuning.confidence).toEqual({ ...DEFAULT_SEARCH_TUNING.confidence, strongCoverage: 0.9 });
    expect(tuning.forms).toEqual(DEFAULT_SEARCH_TUNING.forms);
    expect(searchTuning()).toEqual(DEFAULT_SEARCH_TUNING);
  });

  it("is what a knowledge base answers by: a stricter coverage turns a strong answer weak", () => {
    const question = "Who pays the tolls on small boats?";
    expect(new KnowledgeBase([document]).search(question).confidence).toBe("strong");
    expect(new KnowledgeBase([document], [], { confidence: { strongCoverage: 1.01 } }).search(question).confidence).toBe("weak");
  });

  it("weighs related words by its form weights", () => {
    // "canal" reaches the text only through WordNet (channel); the typed word is in no passage.
    const related = (knowledge: KnowledgeBase) => knowledge.queryTerms("canal")[0]!.forms.filter((form) => form.kind === "related");
    expect(related(new KnowledgeBase([document])).length).toBeGreaterThan(0);
    const silent = new KnowledgeBase([document], [], { forms: { relatedFirstSense: 0, relatedOtherSense: 0 } });
    expect(related(silent).every((form) => form.weight === 0)).toBe(true);
  });

  it("corrects typos within its correction limits", () => {
    expect(new KnowledgeBase([document]).search("dredgign").corrections).toEqual([{ from: "dredgign", to: "dredging" }]);
    expect(new KnowledgeBase([document], [], { correction: { maxLength: 6 } }).search("dredgign").corrections).toEqual([]);
  });
});
