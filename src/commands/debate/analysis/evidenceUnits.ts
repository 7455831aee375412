import type { CitationMention, KnowledgeDocument, Passage } from "../../../knowledge/index.js";
import { containsPhrase } from "../../../text/phrases.js";

/**
 * The smallest thing a debate reply quotes: a whole one-sentence passage, or one verbatim sentence of a longer
 * passage. Debates need sentence-level evidence because the document often puts both sides of a contrast in
 * one passage ("Smith argues … Conversely, Lee contends …").
 */
export interface EvidenceUnit {
  /** `<passageId>` for a whole passage, `<passageId>~<sentence>` for one sentence of it. */
  key: string;
  passage: Passage;
  /** Null when the unit is the whole passage. */
  sentenceIndex: number | null;
  /** Verbatim: `passage.text` or one of `passage.sentences`. */
  text: string;
  /** The passage's citations that are written inside this text. */
  citations: CitationMention[];
}

/** Every sentence of a document as an evidence unit, in document order. */
export function evidenceUnitsOf(document: KnowledgeDocument): EvidenceUnit[] {
  return document.passages.flatMap((passage) => unitsOfPassage(passage));
}

export function unitsOfPassage(passage: Passage): EvidenceUnit[] {
  if (passage.sentences.length <= 1) {
    return [{ key: passage.id, passage, sentenceIndex: null, text: passage.text, citations: passage.citations }];
  }
  // A citation the sentence splitter left straddling two sentences still belongs to the passage: give it to all.
  const placed = new Set(passage.citations.filter((c) => passage.sentences.some((s) => s.includes(c.raw))));
  return passage.sentences.map((sentence, sentenceIndex) => ({
    key: `${passage.id}~${sentenceIndex}`,
    passage,
    sentenceIndex,
    text: sentence,
    citations: passage.citations.filter((c) => sentence.includes(c.raw) || !placed.has(c)),
  }));
}

/** True when two units quote any of the same words of the document (a whole passage covers its sentences). */
export function unitsOverlap(a: EvidenceUnit, b: EvidenceUnit): boolean {
  if (a.passage.id !== b.passage.id) return false;
  return a.sentenceIndex === null || b.sentenceIndex === null || a.sentenceIndex === b.sentenceIndex;
}

/** The unit of `units` whose text contains `phrase` (compared as every phrase is: `containsPhrase`), if any. */
export function findUnitByPhrase(units: readonly EvidenceUnit[], phrase: string): EvidenceUnit | undefined {
  return units.find((unit) => containsPhrase(unit.text, phrase));
}
