import { findPassageByPhrase } from "../../knowledge/findPhrases.js";
import type { KnowledgeDocument, Passage } from "../../knowledge/index.js";

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
