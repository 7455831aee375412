import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";

/** How far down the ranked passages to look for the documents that speak to a topic. */
const SEARCH_DEPTH = 30;
/** A command drawing on the documents that speak to a topic uses at most this many: the best of them. */
export const MAX_DOCUMENTS_ON_TOPIC = 3;

/**
 * The documents that speak to `text`, best first: those holding its best-ranked passages, by the same search
 * /ask uses. Empty when no passage of any document matches.
 */
export function documentsOn(knowledge: KnowledgeBase, text: string, limit = MAX_DOCUMENTS_ON_TOPIC): KnowledgeDocument[] {
  const ids: string[] = [];
  for (const hit of knowledge.search(text, { limit: SEARCH_DEPTH }).hits) {
    if (!ids.includes(hit.passage.documentId)) ids.push(hit.passage.documentId);
    if (ids.length === limit) break;
  }
  return ids.map((id) => knowledge.documents.find((document) => document.id === id)!).filter(Boolean);
}

/**
 * One list from several, taking from each in turn (`[a1, b1, a2, b2, a3]`), so the first items drawn are not
 * all from the first document; the order is fixed, so a button's "seen" set means the same on every click.
 */
export function interleave<T>(lists: ReadonlyArray<readonly T[]>): T[] {
  const result: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) result.push(list[i]!);
  return result;
}
