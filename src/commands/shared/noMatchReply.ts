import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import { foldForComparison } from "../../text/normalizeText.js";
import { noticeReply } from "../../reply/builders.js";
import type { Reply } from "../../reply/types.js";

/**
 * "Nothing in <document> matches 'x'. Did you mean: delhi, edinburgh?": somewhere to go instead of a dead
 * end. When another loaded document does match, that is the better suggestion.
 */
export function noMatchReply(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, query: string): Reply {
  const where = document ? document.title : "the loaded documents";
  const shown = query.trim().slice(0, 80);
  const typed = new Set(foldForComparison(query).split(/\s+/));
  const suggestions = knowledge
    .suggest(query, 4, document?.id)
    .map((word) => word.toLowerCase())
    .filter((word) => !typed.has(foldForComparison(word)))
    .slice(0, 3);
  const elsewhere = document
    ? [...new Set(knowledge.search(query, { limit: 10 }).hits.map((hit) => hit.passage.documentId))].filter((id) => id !== document.id)
    : [];
  const hint =
    elsewhere.length > 0
      ? ` It does appear in another document: try document: ${elsewhere[0]}.`
      : suggestions.length > 0
        ? ` Did you mean: ${suggestions.join(", ")}?`
        : "";
  return noticeReply("No match", `Nothing in ${where} matches '${shown}'.${hint}`);
}
