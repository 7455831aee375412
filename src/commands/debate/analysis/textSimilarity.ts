import { indexTerm, tokenizeWords } from "../../../knowledge/textTokens.js";

/** The stemmed content words of a text, as the search index sees them. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of tokenizeWords(text)) {
    const term = indexTerm(word);
    if (term) terms.add(term);
  }
  return terms;
}

/** Shared content words, scaled so long sentences do not win by length alone (0 to 1). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
