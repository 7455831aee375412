import type { TermCorrection } from "../../knowledge/termVocabulary.js";

/** "Searched for delhi (you typed dehli)." so a corrected typo is never silent. */
export function describeCorrections(corrections: readonly TermCorrection[]): string {
  if (corrections.length === 0) return "";
  return `Searched for ${corrections.map((c) => `${c.to} (you typed ${c.from})`).join(", ")}.`;
}
