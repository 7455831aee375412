/**
 * Scores a question-answering function on the judged set (tests/knowledge/judgedSet.ts): precision@1, hit@3
 * and mean reciprocal rank on the answerable questions, and how honest its confidence is on both kinds.
 */
import type { JudgedQuestion } from "../knowledge/judgedSet.js";

export type Confidence = "strong" | "weak" | "none";

export interface JudgedAnswer {
  /** The passages returned, best first. */
  passages: string[];
  /** Absent for a baseline that has no notion of confidence. */
  confidence?: Confidence;
}

export interface JudgedScore {
  answerable: number;
  unanswerable: number;
  precisionAt1: number;
  hitAt3: number;
  mrr: number;
  /** Answerable questions marked weak or none. */
  answerableWeak: number;
  /** Unanswerable questions marked strong: each is a confident wrong answer. */
  unanswerableStrong: number;
  misses: string[];
}

export function isRight(question: JudgedQuestion, passage: string): boolean {
  return (question.expect ?? []).some((phrase) => passage.includes(phrase));
}

export function scoreJudgedSet(
  questions: readonly JudgedQuestion[],
  answer: (question: JudgedQuestion) => JudgedAnswer,
): JudgedScore {
  let answerable = 0;
  let unanswerable = 0;
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  let answerableWeak = 0;
  let unanswerableStrong = 0;
  const misses: string[] = [];
  for (const question of questions) {
    const result = answer(question);
    if (!question.expect) {
      unanswerable++;
      if (result.confidence === "strong" || (result.confidence === undefined && result.passages.length > 0)) {
        unanswerableStrong++;
        misses.push(`[confident] ${question.question} -> ${result.passages[0]?.slice(0, 70) ?? ""}`);
      }
      continue;
    }
    answerable++;
    const rank = result.passages.findIndex((passage) => isRight(question, passage));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (result.confidence !== undefined && result.confidence !== "strong") {
      answerableWeak++;
      misses.push(`[${result.confidence}] ${question.question}`);
    }
    if (rank !== 0) misses.push(`[rank ${rank < 0 ? "-" : rank + 1}] ${question.question} -> ${result.passages[0]?.slice(0, 70) ?? "(nothing)"}`);
  }
  return {
    answerable,
    unanswerable,
    precisionAt1: answerable ? top1 / answerable : 0,
    hitAt3: answerable ? top3 / answerable : 0,
    mrr: answerable ? reciprocal / answerable : 0,
    answerableWeak,
    unanswerableStrong,
    misses,
  };
}
