import type { KnowledgeBase } from "../../../../knowledge/index.js";
import { englishLexicon } from "../../../../knowledge/lexicon.js";
import { foldForComparison } from "../../../../text/normalizeText.js";
import type { ArgumentMap } from "./argumentMap.js";
import { readStatement } from "./readStatement.js";

/**
 * The claim's words the document never uses, when the claim is about something the document does not
 * discuss: none of its content words occur, or a word of its subject does not and no sentence shares two of
 * its words ("Tariffs will end the strike" shares only "strike" with an essay on a labour dispute; "Petrol prices
 * should be frozen" only "prices" with one on road pricing). Null when the document does address it.
 * Which words a document uses, after spelling, variants and aliases, is the knowledge base's to say
 * (`unmatchedWords`).
 */
export function undiscussedWords(knowledge: KnowledgeBase, map: ArgumentMap, claimText: string): string[] | null {
  const unmatched = knowledge.unmatchedWords(claimText, { documentId: map.document.id });
  if (unmatched.length === 0) return null;
  const missing = new Set(unmatched.map((word) => foldForComparison(word)));
  const claim = readStatement(claimText);
  const content = claim.words.filter((word) => word.term && !word.term.startsWith("~"));
  const absent = content.filter((word) => missing.has(word.word));
  const named = (words: typeof absent) => unique(words.map((word) => shown(word.word, unmatched, claimText)));
  if (absent.length === content.length) return named(absent.length > 0 ? absent : content);
  // "Petrol prices should be frozen": the document speaks of prices, never of petrol ones.
  const subjectAbsent = absent.filter((word) => claim.subject.includes(word.term!));
  if (subjectAbsent.length === 0) return null;
  const sharesTwo = map.units.some((unit) => {
    const terms = map.statementOf(unit).terms;
    return new Set(content.filter((word) => terms.has(word.term!)).map((word) => word.term)).size >= 2;
  });
  return sharesTwo ? null : named(subjectAbsent);
}

/** The word as typed, lower-cased only where a capital merely opens the claim ("Sanctions", not "Lagos"). */
function shown(word: string, unmatched: readonly string[], claimText: string): string {
  const typed = unmatched.find((candidate) => foldForComparison(candidate) === word) ?? word;
  const opensClaim = foldForComparison(claimText.trimStart()).startsWith(word);
  return opensClaim && englishLexicon().isCommonWord(word) ? typed.toLowerCase() : typed;
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}
