import type { SearchedTerm } from "./passageIndex.js";
import { DEFAULT_SEARCH_TUNING, type ConfidenceOptions } from "./searchOptions.js";

/**
 * How far an answer can be trusted: `strong` when a passage answers the question, `weak` when the passages
 * are only the nearest the documents have, `none` when the documents do not address it at all.
 */
export type Confidence = "strong" | "weak" | "none";

/** The terms that name what is asked: all but the words that frame a question, unless that is all there is. */
export function subjectTerms<T extends SearchedTerm>(terms: readonly T[]): T[] {
  const subject = terms.filter((term) => !term.frame);
  return subject.length > 0 ? subject : [...terms];
}

/** The question's subject words that no document uses in any form but a merely related one, as typed. */
export function unmatchedTerms(terms: readonly SearchedTerm[]): string[] {
  return [...new Set(terms.filter((term) => !term.frame && !term.used).map((term) => term.text))];
}

/**
 * The share of the subject's weight a passage covers, given its per-term form weights (0 to 1). A word the
 * documents never use counts against it: a missing thing (a noun-like word, `sanctions`, `Pope`) fully, a
 * missing verb or modifier by its specificity to the power `missingWordExponent`, so hardly at all — a
 * document words its verbs its own way (asked "broken", it says "violated"), but a thing it never names it
 * does not discuss.
 */
export function coverage(
  terms: readonly SearchedTerm[],
  termWeights: readonly number[],
  options: ConfidenceOptions = DEFAULT_SEARCH_TUNING.confidence,
): number {
  let covered = 0;
  let total = 0;
  const subject = new Set(subjectTerms(terms));
  terms.forEach((term, t) => {
    if (!subject.has(term)) return;
    const weight = term.weight * (term.used ? 1 : missingWordWeight(term.specificity, options));
    total += weight;
    covered += weight * (termWeights[t] ?? 0);
  });
  return total > 0 ? covered / total : 0;
}

function missingWordWeight(specificity: number, options: ConfidenceOptions): number {
  return specificity >= options.thingSpecificity ? 1 : specificity ** options.missingWordExponent;
}

/**
 * `none` when nothing matched or no subject word is used by the documents; `weak` when a name the question
 * asks about is not in them ("What has Okonjo-Iweala said …") or the best passage covers too little of the
 * question (`options`, see searchOptions.ts); otherwise `strong`.
 */
export function judgeConfidence(
  terms: readonly SearchedTerm[],
  bestCoverage: number | undefined,
  answersType = true,
  options: ConfidenceOptions = DEFAULT_SEARCH_TUNING.confidence,
): Confidence {
  const subject = subjectTerms(terms);
  if (bestCoverage === undefined || subject.length === 0 || subject.every((term) => !term.used)) return "none";
  if (!answersType || subject.some((term) => term.name && !term.used)) return "weak";
  const missingThing = subject.some((term) => !term.used && term.specificity >= options.thingSpecificity);
  const needed = missingThing ? options.strongCoverageWithMissingThing : options.strongCoverage;
  return bestCoverage >= needed ? "strong" : "weak";
}
