import { pagesOf, type KnowledgeBase, type Passage } from "../../knowledge/index.js";
import type { ReplyCitation, ReplyQuote } from "../../reply/types.js";

/**
 * A passage as a reply quotes it: its own words, untouched, with each citation resolved to the full
 * reference entry, or a plain warning when the reader cannot check it.
 */
export function quotePassage(knowledge: KnowledgeBase, passage: Passage, label?: string): ReplyQuote {
  const document = knowledge.documents.find((d) => d.id === passage.documentId);
  const citations = passage.citations.map((citation): ReplyCitation => {
    const source = knowledge.sourceOf(passage.documentId, citation);
    const reference = source?.reference ?? null;
    const name = `${citation.author} (${citation.year})`;
    if (!reference) {
      return { author: citation.author, year: citation.year, reference: null, warning: `${name} is not in the reference list, so it cannot be checked` };
    }
    if (!reference.details) {
      return { author: citation.author, year: citation.year, reference: reference.text, warning: "the reference entry gives no title or venue" };
    }
    return { author: citation.author, year: citation.year, reference: reference.text };
  });
  return {
    passageId: passage.id,
    text: passage.text,
    document: document?.title ?? passage.documentId,
    section: passage.section,
    ...pagesOf(passage),
    citations,
    ...(label ? { label } : {}),
  };
}

/** The full reference entries the quotes point to, each once, in order of first citation. */
export function referencesOf(quotes: readonly ReplyQuote[]): string[] {
  const references = new Set<string>();
  for (const quote of quotes) {
    for (const citation of quote.citations) if (citation.reference) references.add(citation.reference);
  }
  return [...references];
}
