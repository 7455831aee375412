import { stemmer } from "stemmer";
import { STOP_WORDS } from "./englishWords.js";
import { foldForComparison } from "./normalizeText.js";

/** At most this many words of a query are searched; a pasted 100 KB message is cut, not choked on. */
export const MAX_QUERY_WORDS = 48;

const DOTTED_ABBREVIATION = /(?<![\p{L}.])(?:\p{L}\.){2,}/gu;

/** Folded words of a text: `Moscow’s maximalist demands` → `moscow`, `maximalist`, `demands`. */
export function tokenizeWords(text: string): string[] {
  // Dotted abbreviations are one word: `U.S.` is `us`, as typed without the dots.
  return foldForComparison(text.replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replace(/\./g, "")))
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, "").replace(/'s$/, ""))
    .filter((word) => word.length > 0);
}

/**
 * Stemming is the costliest step of indexing and a corpus repeats its words endlessly, so stems are
 * remembered. Bounded by the characters held, not the entries, because the words come from documents and
 * queries, which anyone can write: 200,000 long "words" would otherwise hold hundreds of megabytes. A word
 * longer than any real one is stemmed every time instead of kept.
 */
const stemCache = new Map<string, string>();
/** About 8 MB of text, keys and stems together, at two bytes a character: a few hundred thousand real words. */
export const STEM_CACHE_MAX_CHARS = 4_000_000;
const MAX_CACHED_WORD_LENGTH = 40;
let stemCacheChars = 0;

/** The index form of a word: null for stop words, otherwise its Porter stem (`negotiations` → `negoti`). */
export function indexTerm(word: string): string | null {
  if (STOP_WORDS.has(word) || word.length < 2) return null;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word.replace(/'/g, ""));
    if (word.length > MAX_CACHED_WORD_LENGTH) return stem;
    if (stemCacheChars + word.length + stem.length > STEM_CACHE_MAX_CHARS) {
      stemCache.clear();
      stemCacheChars = 0;
    }
    stemCache.set(word, stem);
    stemCacheChars += word.length + stem.length;
  }
  return stem;
}

/** The content words of a query, in order, without stop words, capped at MAX_QUERY_WORDS. */
export function queryWords(query: string): string[] {
  return tokenizeWords(query)
    .filter((word) => indexTerm(word) !== null)
    .slice(0, MAX_QUERY_WORDS);
}

/** Characters the stem cache holds now (keys and stems), for tests. */
export function stemCacheSize(): { entries: number; chars: number } {
  return { entries: stemCache.size, chars: stemCacheChars };
}
