import { ABBREVIATIONS } from "../text/englishWords.js";

/** A full stop, question or exclamation mark (with closing quotes/brackets) followed by space and a capital. */
const CANDIDATE_BOUNDARY = /[.!?]["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;

/**
 * Splits a paragraph into sentences without breaking at abbreviations (`e.g.`, `U.S.`, `Dr.`) or initials
 * (`E. Ostrom`). Each sentence is a verbatim slice of the input, trimmed.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(CANDIDATE_BOUNDARY)) {
    const end = match.index! + match[0].trimEnd().length;
    if (endsWithAbbreviation(paragraph.slice(start, match.index! + 1))) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

function endsWithAbbreviation(text: string): boolean {
  if (!text.endsWith(".")) return false;
  const lastWord = /([\p{L}.]+)\.$/u.exec(text)?.[1];
  if (!lastWord) return false;
  // Single letters are initials or parts of U.S.-style abbreviations.
  if (/^\p{L}$/u.test(lastWord)) return true;
  return ABBREVIATIONS.has(lastWord.toLowerCase().replace(/^\(/, ""));
}
