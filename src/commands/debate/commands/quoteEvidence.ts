import type { KnowledgeBase } from "../../../knowledge/index.js";
import { quotePassage } from "../../shared/quotePassage.js";
import type { ReplyQuote } from "../../../reply/types.js";
import type { EvidenceUnit } from "../analysis/evidenceUnits.js";

/**
 * A unit as a reply quote: its verbatim text and only the citations written in it, resolved the same way
 * every other command resolves them (quotePassage), so a warning reads the same in /debate as in /ask.
 */
export function quoteEvidence(knowledge: KnowledgeBase, unit: EvidenceUnit, label?: string): ReplyQuote {
  const quote = quotePassage(knowledge, unit.passage, label);
  if (unit.sentenceIndex === null) return quote;
  const citations = quote.citations.filter((_, i) => unit.citations.includes(unit.passage.citations[i]!));
  return { ...quote, text: unit.text, citations };
}
