import { foldForComparison } from "./normalizeText.js";

/**
 * A short verbatim phrase (a topic file's answer or evidence) is looked for in a document without regard to
 * case, accents, curly or straight quotes, or runs of whitespace: what a maintainer copies from a rendered
 * page often differs from the file in exactly those. This is the one form both sides are compared in.
 */
export function comparablePhrase(text: string): string {
  return foldForComparison(text).replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

/** Whether `text` contains `phrase`, compared as above; never for a phrase with nothing to compare. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = comparablePhrase(phrase);
  return wanted !== "" && comparablePhrase(text).includes(wanted);
}
