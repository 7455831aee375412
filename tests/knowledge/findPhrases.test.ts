import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPassageByPhrase, locatePhrases } from "../../src/knowledge/findPhrases.js";
import { foldForComparison } from "../../src/text/normalizeText.js";
import type { KnowledgeDocument, Passage } from "../../src/knowledge/types.js";

function documentOf(texts: string[]): KnowledgeDocument {
  const passages = texts.map((text, i) => ({ id: `d:${i}`, text }) as unknown as Passage);
  return { id: "d", file: "d.txt", passages } as unknown as KnowledgeDocument;
}

/** What locatePhrases must agree with: each phrase checked against each passage in turn. */
function naive(document: KnowledgeDocument, phrase: string): Passage | undefined {
  const comparable = (text: string) => foldForComparison(text).replace(/\s+/g, " ").trim();
  const wanted = comparable(phrase);
  if (!wanted) return undefined;
  return document.passages.find((passage) => comparable(passage.text).includes(wanted));
}

describe("locatePhrases", () => {
  it("finds the first passage containing each phrase, ignoring case, accents and spacing", () => {
    const document = documentOf(["The Talks Stalled.", "Mediation was  dismissed as biased", "the talks stalled again"]);
    const found = locatePhrases(document, ["talks stalled", "MEDIATION WAS DISMISSED", "not there", "stalled. Mediation", "   "]);
    expect(found.get("talks stalled")?.text).toBe("The Talks Stalled.");
    expect(found.get("MEDIATION WAS DISMISSED")?.text).toBe("Mediation was  dismissed as biased");
    expect(found.get("not there")).toBeUndefined();
    // A phrase never spans two passages.
    expect(found.get("stalled. Mediation")).toBeUndefined();
    expect(found.get("   ")).toBeUndefined();
    expect(findPassageByPhrase(document, "café")).toBeUndefined();
    expect(findPassageByPhrase(documentOf(["un café noir"]), "CAFE")?.text).toBe("un café noir");
  });

  it("agrees with checking each phrase against each passage, for phrases that overlap and nest", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "A", " ", "é", "c"), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(text, { maxLength: 12 }), (passages, phrases) => {
        const document = documentOf(passages);
        const found = locatePhrases(document, phrases);
        for (const phrase of phrases) expect(found.get(phrase)).toBe(naive(document, phrase));
      }),
    );
  });

  it("stays linear for phrases that are suffixes of one another", () => {
    const document = documentOf(["a".repeat(200_000)]);
    const phrases = Array.from({ length: 2_000 }, (_, i) => "a".repeat(1 + (i % 400)) + (i % 3 === 0 ? "b" : ""));
    const started = performance.now();
    const found = locatePhrases(document, phrases);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect([...found.values()].filter(Boolean)).toHaveLength(new Set(phrases.filter((phrase) => !phrase.endsWith("b"))).size);
  });
});
