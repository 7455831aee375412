import { findPassageByPhrase } from "../knowledge/findPhrases.js";
import type { KnowledgeDocument, Passage } from "../knowledge/index.js";

const THESIS_CUES = [/\bthis (essay|paper|article|analysis) (argues|contends|shows|maintains)\b/i, /\bthesis\b/i, /\bI argue\b/i];

/**
 * The passages that state a document's thesis: a section headed "Thesis", else a passage using a
 * thesis cue ("this essay argues"), else the first passage after the opening section. With a phrase
 * (from a topic file), the passage containing that phrase wins.
 */
export function findThesis(document: KnowledgeDocument, phrase?: string): Passage[] {
  if (phrase) {
    const pinned = findPassageByPhrase(document, phrase);
    if (pinned) return [pinned];
  }
  const section = document.sections.find((s) => /thesis/i.test(s.heading));
  if (section && section.passageIds.length > 0) {
    return document.passages.filter((p) => p.sectionIndex === section.index).slice(0, 2);
  }
  const cued = document.passages.find((p) => THESIS_CUES.some((cue) => cue.test(p.text)));
  if (cued) return [cued];
  const body = document.passages.find((p) => p.sectionIndex > 0) ?? document.passages[0];
  return body ? [body] : [];
}

/** The passage containing a short verbatim phrase, compared without case, accents or spacing differences. */
export { findPassageByPhrase } from "../knowledge/findPhrases.js";
