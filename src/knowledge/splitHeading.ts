import { HEADING_SMALL_WORDS, ONE_WORD_HEADINGS, SENTENCE_OPENERS } from "../text/englishWords.js";

export interface HeadingSplit {
  heading: string;
  body: string;
}

const STANDALONE_HEADING_MAX_WORDS = 14;

/** Strips the punctuation around a word so it can be looked up (`War?` → `war`, `“The` → `the`). */
function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
}

function isCapitalised(word: string): boolean {
  return /^["“‘'(]?\p{Lu}/u.test(word);
}

/**
 * A line with no sentence ending, short and in Title Case, is a heading on its own line
 * ("Geopolitical Obstacles: The Role of External Actors").
 */
export function isStandaloneHeading(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length === 0 || words.length > STANDALONE_HEADING_MAX_WORDS) return false;
  if (/[.!,;]["”’)]?$/.test(line.trim())) return false;
  return words.every((word, i) => isCapitalised(word) || (i > 0 && HEADING_SMALL_WORDS.has(bareWord(word))) || /^\p{N}/u.test(word));
}

/**
 * Splits a heading that runs into the first sentence of its body:
 * `Thesis Statement Despite intermittent …` → `Thesis Statement` + `Despite intermittent …`.
 *
 * The heading is the longest Title Case prefix (at least two words, or a word such as "Thesis"; not ending
 * in a small word or a comma)
 * after which the body starts with a capitalised sentence opener, or with a word the document also uses in
 * lower case (`lowerCaseWords`): that is what tells `Negotiations | Early talks` from a sentence that merely
 * opens with a capitalised name.
 */
export function splitRunInHeading(line: string, lowerCaseWords: ReadonlySet<string>): HeadingSplit | null {
  const words = line.trim().split(/\s+/);
  let runLength = 0;
  while (runLength < words.length) {
    const word = words[runLength]!;
    const small = runLength > 0 && HEADING_SMALL_WORDS.has(bareWord(word)) && !isCapitalised(word);
    if (!isCapitalised(word) && !small) break;
    runLength++;
  }
  for (let k = Math.min(runLength, words.length - 3); k >= 1; k--) {
    if (k === 1 && !ONE_WORD_HEADINGS.has(bareWord(words[0]!))) continue;
    const last = words[k - 1]!;
    const opener = words[k]!;
    if (/,$/.test(last) || HEADING_SMALL_WORDS.has(bareWord(last))) continue;
    if (!isCapitalised(opener)) continue;
    const bare = bareWord(opener);
    // After a one-word heading such as "Introduction" any capitalised word starts the body.
    if (k > 1 && !SENTENCE_OPENERS.has(bare) && !lowerCaseWords.has(bare)) continue;
    const body = words.slice(k).join(" ");
    if (!/[.!?]["”’)]?$/.test(body)) continue;
    return { heading: words.slice(0, k).join(" "), body };
  }
  return null;
}

/** Every word the text uses in lower case: evidence that a capitalised form of it is a sentence opener. */
export function collectLowerCaseWords(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}’'-]*/gu)) words.add(match[0].toLowerCase());
  }
  return words;
}
