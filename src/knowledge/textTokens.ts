import { stemmer } from "stemmer";
import { STOP_WORDS } from "../text/englishWords.js";
import { englishLexicon } from "./lexicon.js";
import { foldForComparison, removeJoiners } from "../text/normalizeText.js";
import { americanSpelling } from "./spellingVariants.js";

/** At most this many words of a query are searched; a pasted 100 KB message is cut, not choked on. */
export const MAX_QUERY_WORDS = 48;

const DOTTED_ABBREVIATION = /(?<![\p{L}.])(?:\p{L}\.){2,}/gu;

/** Folded words of a text: `Geneva’s maximalist demands` → `geneva`, `maximalist`, `demands`. */
export function tokenizeWords(text: string): string[] {
  return foldForComparison(undotAbbreviations(text))
    .split(WORD_SEPARATOR)
    .map(trimWord)
    .filter((word) => word.length > 0);
}

const WORD_SEPARATOR = /[^\p{L}\p{N}']+/u;

/** Dotted abbreviations are one word: `U.S.` is `us`, as typed without the dots. */
function undotAbbreviations(text: string): string {
  return text.replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replace(/\./g, ""));
}

function trimWord(word: string): string {
  return word.includes("'") ? word.replace(/^'+|'+$/g, "").replace(/'s$/i, "") : word;
}

/** A word of a query: folded, and how it was typed, which tells a name (`Lagos`, `WHO`) from a common word. */
export interface TypedWord {
  word: string;
  typed: string;
  /** Starts with a capital letter where a sentence does not start. */
  capitalised: boolean;
  /** Two or more letters, all capitals, in a query not typed all in capitals: an acronym. */
  allCapitals: boolean;
}

/** The words of a query with how each was typed, stop words included (aliases may span them). */
export function typedWords(query: string): TypedWord[] {
  // Folded as foldForComparison folds the index (joiners out, marks off), but keeping case, which tells names.
  const text = undotAbbreviations(removeJoiners(query.slice(0, MAX_QUERY_WORDS * 64)))
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'");
  const shouting = !/\p{Ll}/u.test(text);
  const words: TypedWord[] = [];
  let sentenceStart = true;
  for (const piece of text.split(/(?<=[.!?:;])\s+|\s+/u)) {
    for (const raw of piece.split(WORD_SEPARATOR)) {
      const typed = trimWord(raw);
      if (!typed) continue;
      const letters = typed.replace(/[^\p{L}]/gu, "");
      words.push({
        word: typed.toLowerCase(),
        typed,
        capitalised: !sentenceStart && !shouting && /^\p{Lu}/u.test(typed),
        allCapitals: !shouting && letters.length >= 2 && letters === letters.toUpperCase(),
      });
      sentenceStart = false;
    }
    if (/[.!?]["”’)]*$/.test(piece)) sentenceStart = true;
  }
  return words;
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

/**
 * The index form of a word: null for stop words, otherwise the Porter stem of its American spelling
 * (`negotiations` → `negoti`; `mobilisation` and `mobilization` → `mobil`).
 */
export function indexTerm(word: string): string | null {
  if (STOP_WORDS.has(word) || word.length < 2) return null;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const lexicon = englishLexicon();
    stem = stemmer(americanSpelling(word.replace(/'/g, ""), (candidate) => lexicon.has(candidate)));
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
