import type { KnowledgeBase, KnowledgeDocument } from "../knowledge/index.js";
import type { Reply } from "./reply.js";

/** "Nothing in <document> matches 'x'. Did you mean: minsk, istanbul?": somewhere to go instead of a dead end. */
export function noMatchReply(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, query: string): Reply {
  const where = document ? document.title : "the loaded documents";
  const suggestions = knowledge.suggest(query, 3).map((word) => word.toLowerCase());
  const shown = query.trim().slice(0, 80);
  return {
    title: "No match",
    text: `Nothing in ${where} matches '${shown}'.${suggestions.length > 0 ? ` Did you mean: ${suggestions.join(", ")}?` : ""}`,
    quotes: [],
    visibility: "private",
    kind: "notice",
  };
}
