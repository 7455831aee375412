import { findPassageByPhrase } from "../../knowledge/findPhrases.js";
import type { KnowledgeBase, KnowledgeDocument, Passage } from "../../knowledge/index.js";

const THESIS_CUES = [/\bthis (essay|paper|article|analysis) (argues|contends|shows|maintains)\b/i, /\bthesis\b/i, /\bI argue\b/i];

/**
 * Where a document's thesis was found, so a reply can say so rather than call a guess the thesis: the passage
 * a topic file names (`answer.passage`), a section headed "Thesis", a sentence that says what the document
 * argues ("this essay argues"), or none of these.
 */
export type ThesisOrigin = "topic-file" | "heading" | "statement" | "none";

export interface LocatedThesis {
  origin: ThesisOrigin;
  /** Empty when the origin is "none". */
  passages: Passage[];
}

/**
 * The passages that state a document's thesis, and where they were found. With a phrase (from a topic file),
 * the passage containing it wins; a phrase that is not verbatim in the text is looked up with the search /ask
 * uses, when `knowledge` is given.
 */
export function locateThesis(document: KnowledgeDocument, phrase?: string, knowledge?: KnowledgeBase): LocatedThesis {
  if (phrase) {
    const pinned = findPassageByPhrase(document, phrase) ?? (knowledge ? searchPassage(knowledge, document, phrase) : undefined);
    if (pinned) return { origin: "topic-file", passages: [pinned] };
  }
  const section = document.sections.find((s) => /thesis/i.test(s.heading));
  if (section && section.passageIds.length > 0) {
    return { origin: "heading", passages: document.passages.filter((p) => p.sectionIndex === section.index).slice(0, 2) };
  }
  const cued = document.passages.find((p) => THESIS_CUES.some((cue) => cue.test(p.text)));
  if (cued) return { origin: "statement", passages: [cued] };
  return { origin: "none", passages: [] };
}

/**
 * The thesis passages, or failing those the first passage after the opening section: what the debate
 * analysis argues from. A reply that shows the thesis uses `locateThesis` and says where it came from.
 */
export function findThesis(document: KnowledgeDocument, phrase?: string): Passage[] {
  const located = locateThesis(document, phrase);
  if (located.origin !== "none") return located.passages;
  const body = document.passages.find((p) => p.sectionIndex > 0) ?? document.passages[0];
  return body ? [body] : [];
}

/**
 * The passage a topic file's phrase points to, found as /ask finds an answer (any of the words, best first),
 * for a phrase that is not the document's exact wording; none when the search finds nothing that answers it.
 */
export function searchPassage(knowledge: KnowledgeBase, document: KnowledgeDocument, phrase: string): Passage | undefined {
  const outcome = knowledge.search(phrase, { documentId: document.id, limit: 1, match: "any" });
  return outcome.confidence === "none" ? undefined : outcome.hits[0]?.passage;
}

const CONCLUSION_HEADING = /\b(conclu|summary|final|closing|outlook|epilogue|afterword|in sum)/i;
const CONCLUSION_CUES = /^(in conclusion|to conclude|in sum|in short|ultimately|in the end|overall|taken together),?\s/i;

/**
 * The passages that conclude a document: the section headed "Conclusion" (or "Summary", "Outlook" …),
 * else passages that open like a conclusion ("In conclusion, …"), else the last section when there are
 * several. Empty when none of these exists.
 */
export function findConclusion(document: KnowledgeDocument): Passage[] {
  const section = [...document.sections].reverse().find((s) => CONCLUSION_HEADING.test(s.heading));
  if (section) return document.passages.filter((p) => p.sectionIndex === section.index);
  const cued = document.passages.filter((p) => CONCLUSION_CUES.test(p.text));
  if (cued.length > 0) return cued;
  const last = document.sections.at(-1);
  return last && document.sections.length > 1 ? document.passages.filter((p) => p.sectionIndex === last.index) : [];
}

/** The passage containing a short verbatim phrase, compared without case, accents or spacing differences. */
export { findPassageByPhrase } from "../../knowledge/findPhrases.js";
