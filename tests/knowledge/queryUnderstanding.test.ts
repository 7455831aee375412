/**
 * How a question is read before it is searched: which words are corrected (only non-words, and never a
 * name into a common word), which spellings, families, synonyms and aliases a word brings, which words the
 * documents never use, and how far the best passage answers.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KnowledgeBase, loadKnowledge, parseDocument } from "../../src/knowledge/index.js";
import { englishLexicon } from "../../src/knowledge/lexicon.js";
import { americanSpelling } from "../../src/knowledge/spellingVariants.js";
import { indexTerm } from "../../src/knowledge/textTokens.js";

let seed: KnowledgeBase;
beforeAll(async () => {
  seed = await loadKnowledge("knowledge");
});

const corrections = (knowledge: KnowledgeBase, query: string) => knowledge.search(query).corrections.map((c) => `${c.from}>${c.to}`);

describe("the English lexicon (word-list and WordNet)", () => {
  const lexicon = englishLexicon();

  it("knows English words and their inflections, and is loaded once", () => {
    for (const word of ["fall", "ever", "reasons", "broken", "like", "crimes", "mobilise", "tried", "fought"]) expect(lexicon.has(word), word).toBe(true);
    for (const word of ["minks", "crimea"]) expect(lexicon.has(word), word).toBe(true);
    for (const word of ["mershimer", "istambul", "atrocites"]) expect(lexicon.has(word), word).toBe(false);
    expect(englishLexicon()).toBe(lexicon);
  });

  it("tells common words from names: the word list has no places", () => {
    expect(lexicon.isCommonWord("crimes")).toBe(true);
    expect(lexicon.isCommonWord("minsk")).toBe(false);
  });

  it("relates words through WordNet: families, synonyms, broader words and compounds", () => {
    const related = (word: string) => lexicon.related(word).map((r) => `${r.word}/${r.relation}`);
    expect(related("failure")).toContain("fail/derived");
    expect(related("tried")).toContain("attempt/synonym");
    expect(related("ambulances")).toContain("car/broader");
    expect(related("shopkeepers")).toContain("shop/part");
    expect(related("norwegian")).toContain("norway/derived");
  });
});

describe("British and American spellings meet", () => {
  const isWord = (word: string) => englishLexicon().has(word);
  it.each([
    ["mobilisation", "mobilization"],
    ["neighbourhood", "neighborhood"],
    ["defence", "defense"],
    ["centre", "center"],
    ["travelled", "traveled"],
    ["analyse", "analyze"],
  ])("%s and %s share an index form", (british, american) => {
    expect(americanSpelling(british, isWord)).toBe(american);
    expect(indexTerm(british)).toBe(indexTerm(american));
  });

  it.each(["rise", "four", "tour", "precise", "fence"])("leaves %s alone", (word) => {
    expect(americanSpelling(word, isWord)).toBe(word);
  });
});

describe("typo correction", () => {
  it("never turns a real word into another word", () => {
    for (const query of ["when did talks fall apart", "did they ever agree", "what reasons", "a broken deal", "what is life like", "population of crimea"]) {
      expect(corrections(seed, query), query).toEqual([]);
    }
  });

  it("never turns a capitalised name into a common word, but mends a name", () => {
    expect(corrections(seed, "What about Crimea?")).toEqual([]);
    expect(corrections(seed, "What did Mershimer say?")).toEqual(["mershimer>mearsheimer"]);
    // A one-letter slip on a name the document uses is mended even when it spells a word (`minks`).
    expect(corrections(seed, "minks")).toEqual(["minks>minsk"]);
    expect(corrections(seed, "atrocites")).toEqual(["atrocites>atrocities"]);
  });
});

describe("aliases from the topic file", () => {
  let dir: string;
  let knowledge: KnowledgeBase;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "gt-aliases-"));
    writeFileSync(path.join(dir, "rivers.md"), "# Rivers\n\nThe Nile feeds Egypt. Ethiopia built the GERD dam upstream (Tvedt, 2010).\n");
    writeFileSync(
      path.join(dir, "rivers.topics.json"),
      JSON.stringify({ aliases: { GERD: ["Grand Ethiopian Renaissance Dam", "Renaissance Dam"], Egypt: ["Cairo", "ARE"] }, topics: [] }),
    );
    knowledge = await loadKnowledge(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds a passage by another name for what it names, single words and phrases", () => {
    expect(knowledge.errors).toEqual([]);
    expect(knowledge.search("What does Cairo get from the river?").hits[0]!.passage.text).toContain("The Nile feeds Egypt.");
    const dam = knowledge.search("Who built the Grand Ethiopian Renaissance Dam?");
    expect(dam.hits[0]!.passage.text).toContain("GERD dam");
    expect(dam.unmatched).toEqual([]);
    expect(knowledge.unmatchedWords("Cairo and the Renaissance Dam")).toEqual([]);
  });

  it("matches an acronym that is also a common word only when typed in capitals", () => {
    const forms = (query: string) => knowledge.queryTerms(query).flatMap((term) => term.forms.map((form) => form.word));
    expect(forms("What does the ARE get from the Nile?")).toContain("egypt");
    expect(forms("What are the rivers of Africa?")).not.toContain("egypt");
  });

  it("reports a malformed aliases entry by name, and an alias for a name the document lacks", async () => {
    writeFileSync(path.join(dir, "rivers.topics.json"), JSON.stringify({ aliases: { GERD: "dam" }, topics: [] }));
    const broken = await loadKnowledge(dir);
    expect(broken.errors).toEqual([{ file: "rivers.topics.json", message: expect.stringMatching(/"aliases" must be an object like/) }]);
    writeFileSync(path.join(dir, "rivers.topics.json"), JSON.stringify({ aliases: { Danube: ["Donau"] }, topics: [] }));
    const missing = await loadKnowledge(dir);
    expect(missing.errors[0]!.message).toMatch(/"Danube" is not in rivers\.md/);
  });
});

describe("words no document uses, and how far the best passage answers", () => {
  it("lists the subject words no document uses, after variants, families and aliases, never question words", () => {
    expect(seed.unmatchedWords("What has Erdogan said about sanctions?")).toEqual(["Erdogan", "sanctions"]);
    // `mobilise` is the essay's `mobilization`; `failure` its `failed`; Kiev its Kyiv (an alias); `happen` frames the question.
    expect(seed.unmatchedWords("What happened to the mobilisation after the failure in Kiev?")).toEqual([]);
    expect(seed.unmatchedWords("")).toEqual([]);
    // A name's adjective or people is the same family: the essay speaks of "Western" allies.
    expect(seed.unmatchedWords("What does the West want?")).toEqual([]);
    expect(seed.unmatchedWords("What did Europe do?")).toEqual(["Europe"]);
  });

  it("is strong when a passage answers, weak for the nearest passages only, none when nothing is about it", () => {
    expect(seed.search("Why did the talks in Belarus and Turkey collapse?").confidence).toBe("strong");
    expect(seed.search("What sanctions have been imposed on Russia?").confidence).toBe("weak");
    expect(seed.search("What has the Pope said about the war?").confidence).toBe("weak");
    expect(seed.search("When was NATO founded?").confidence).toBe("weak");
    expect(seed.search("What is the population of Crimea?")).toMatchObject({ confidence: "none", unmatched: ["population", "Crimea"] });
  });

  it("scopes what counts as used to the document asked about", () => {
    const both = new KnowledgeBase([
      ...seed.documents,
      parseDocument("rivers", "rivers.md", "# Rivers\n\nSanctions on water rarely work (Tvedt, 2010).\n"),
    ]);
    expect(both.unmatchedWords("sanctions")).toEqual([]);
    expect(both.unmatchedWords("sanctions", { documentId: "russia-ukraine-peace-talks" })).toEqual(["sanctions"]);
  });
});
