import type { DebateSides } from "./buildSides.js";
import type { DebateMaterial, Motion } from "./findMotions.js";

/**
 * Two or three questions for the rebuttal round: the motion's own curated questions first, then ones
 * drawn from the evidence itself. Two sources are paired only when the text itself sets one against the
 * other ("X argues … Conversely, Y contends …"); sources merely cited on opposite sides (a news outlet for a
 * plain fact) are not made into rivals.
 */
export function debateQuestions(material: DebateMaterial, motion: Motion, sides: DebateSides): string[] {
  const questions = [...motion.questions];
  const shown = new Set([...sides.proposition, ...sides.opposition].map((entry) => entry.unit.key));
  for (const [first, second] of material.opposed) {
    if (!shown.has(first.key) && !shown.has(second.key)) continue;
    const a = first.citations[0];
    const b = second.citations.find((citation) => citation.author !== a?.author);
    if (a && b) {
      questions.push(`The text sets ${a.author} (${a.year}) against ${b.author} (${b.year}): what would each say about the other's evidence?`);
      break;
    }
  }
  const units = [...sides.proposition, ...sides.opposition].map((entry) => entry.unit);
  const unchecked = units.flatMap((unit) => unit.citations).find((citation) => !material.document.sources.some((source) => source.author === citation.author && source.year === citation.year && source.reference));
  if (unchecked) {
    questions.push(`One side leans on ${unchecked.author} (${unchecked.year}), which the reader cannot fully check. How much weight should it carry?`);
  }
  const uncited = units.filter((unit) => unit.citations.length === 0).length;
  if (uncited > 0) {
    questions.push(`${uncited} of the quoted sentences ${uncited === 1 ? "cites" : "cite"} no source. Which of them would you challenge, and what evidence would settle it?`);
  }
  questions.push("Opposition: which Proposition quote is strongest, and does your evidence answer it or merely sit beside it?");
  questions.push("Does the evidence show the motion holds in general, or only under the conditions the document describes?");
  return [...new Set(questions)].slice(0, 3);
}
