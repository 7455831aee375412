import type { ArgumentMap } from "./argumentMap.js";
import { readStatement } from "./readStatement.js";

/**
 * The claim's words the document never uses, when the claim is about something the document does not
 * discuss: none of its content words occur, or a word of its subject does not and no sentence shares two of its
 * words ("Sanctions will end the war" shares only "war" with an essay on peace talks; "Petrol prices should
 * be frozen" only "prices" with one on road pricing). Null when the
 * document does address it.
 *
 * Exact stems only, for now: spelling, variants and aliases are the search's to resolve (issue 15), and
 * this is the one place to call that once it exists.
 */
export function undiscussedWords(map: ArgumentMap, claimText: string): string[] | null {
  const claim = readStatement(claimText);
  const content = claim.words.filter((word) => word.term && !word.term.startsWith("~"));
  if (content.length === 0) return null;
  const absent = content.filter((word) => map.frequency(word.term!) === 0);
  if (absent.length === 0) return null;
  const named = unique(absent.map((word) => word.word));
  if (absent.length === content.length) return named;
  // "Petrol prices should be frozen": the document speaks of prices, never of petrol ones.
  const subjectAbsent = claim.subject.some((term) => map.frequency(term) === 0);
  if (!subjectAbsent) return null;
  const sharesTwo = map.units.some((unit) => {
    const terms = map.statementOf(unit).terms;
    return content.filter((word) => terms.has(word.term!)).map((word) => word.term).filter((t, i, all) => all.indexOf(t) === i).length >= 2;
  });
  if (sharesTwo) return null;
  const subjectWords = absent.filter((word) => claim.subject.includes(word.term!)).map((word) => word.word);
  return unique(subjectWords.length > 0 ? subjectWords : named);
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}
