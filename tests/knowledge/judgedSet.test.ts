/**
 * The judged question set (judgedSet.ts) as a regression guard: its shape as the issue asks for it, every
 * locator naming a real passage, no unanswerable question answered with confidence, and precision and hit
 * rate not falling below what they reached. `npm run bench` reports the full figures beside plain Fuse.js.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { scoreJudgedSet } from "../support/judgedQuality.js";
import { answerQuestion } from "../../src/commands/core/answerQuestion.js";
import { KnowledgeBase, loadKnowledge } from "../../src/knowledge/index.js";
import { judgedSet, JUDGED_FOLDERS, type JudgedQuestion } from "./judgedSet.js";

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const loaded = await Promise.all(JUDGED_FOLDERS.map((folder) => loadKnowledge(folder)));
  for (const { errors } of loaded) expect(errors).toEqual([]);
  knowledge = new KnowledgeBase(loaded.flatMap((l) => l.documents));
});

const ask = (question: JudgedQuestion) => {
  const answer = answerQuestion(knowledge, question.question, { documentId: question.document, limit: 5 });
  return { passages: answer.hits.map((hit) => hit.passage.text), confidence: answer.confidence };
};

describe("the judged question set", () => {
  it("has at least 80 questions over two documents, of every kind the issue asks for", () => {
    expect(judgedSet.length).toBeGreaterThanOrEqual(80);
    expect(new Set(judgedSet.map((q) => q.document)).size).toBeGreaterThanOrEqual(2);
    const count = (kind: string) => judgedSet.filter((q) => q.kind === kind).length;
    expect(count("paraphrase")).toBeGreaterThanOrEqual(20);
    expect(count("alias")).toBeGreaterThanOrEqual(10);
    expect(count("yes-no")).toBeGreaterThanOrEqual(10);
    expect(count("essay")).toBeGreaterThanOrEqual(10);
    expect(count("unanswerable")).toBeGreaterThanOrEqual(15);
    expect(judgedSet.filter((q) => q.heldOut).length).toBeGreaterThanOrEqual(20);
  });

  it("marks each answer by a phrase that is in a passage of its document", () => {
    for (const question of judgedSet) {
      const texts = knowledge.documents.find((d) => d.id === question.document)!.passages.map((p) => p.text);
      for (const phrase of question.expect ?? []) expect(texts.some((text) => text.includes(phrase)), `${question.question}: ${phrase}`).toBe(true);
    }
  });

  it("answers no unanswerable question with confidence", () => {
    const confident = judgedSet.filter((q) => !q.expect && ask(q).confidence === "strong").map((q) => q.question);
    expect(confident).toEqual([]);
  });

  it("keeps precision@1, hit@3 and honest confidence where they are", () => {
    const score = scoreJudgedSet(judgedSet, ask);
    expect(score.precisionAt1).toBeGreaterThanOrEqual(0.72);
    expect(score.hitAt3).toBeGreaterThanOrEqual(0.9);
    expect(score.answerableWeak / score.answerable).toBeLessThanOrEqual(0.1);
  });
});
