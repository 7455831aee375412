import type { ReplyQuote } from "../reply.js";
import type { Motion } from "./findMotions.js";

/**
 * Two or three questions for the rebuttal round: the motion's own curated questions first, then ones
 * drawn from the evidence itself (whose authority it rests on, what is asserted without a source).
 */
export function debateQuestions(motion: Motion, proposition: readonly ReplyQuote[], opposition: readonly ReplyQuote[]): string[] {
  const questions = [...motion.questions];
  const authors = (quotes: readonly ReplyQuote[]) => [...new Set(quotes.flatMap((q) => q.citations.map((c) => c.author)))];
  const [forSide] = authors(proposition);
  const [againstSide] = authors(opposition).filter((author) => author !== forSide);
  if (forSide && againstSide) {
    questions.push(`${forSide} and ${againstSide} read the same war differently: what would each say about the other's evidence?`);
  }
  const unchecked = [...proposition, ...opposition].flatMap((q) => q.citations).find((c) => c.warning);
  if (unchecked) {
    questions.push(`One side leans on ${unchecked.author} (${unchecked.year}), which the reader cannot fully check. How much weight should it carry?`);
  }
  const uncited = [...proposition, ...opposition].filter((q) => q.citations.length === 0).length;
  if (uncited > 0) {
    questions.push(`${uncited} of the quoted sentences cite no source. Which of them would you challenge, and what evidence would settle it?`);
  }
  questions.push("Opposition: which Proposition quote is strongest, and does your evidence answer it or merely sit beside it?");
  questions.push("Does the evidence show the motion holds in general, or only under the conditions the document describes?");
  return [...new Set(questions)].slice(0, 3);
}
