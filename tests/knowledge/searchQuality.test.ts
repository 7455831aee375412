import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { qualitySet } from "./qualitySet.js";

const TOP1_TARGET = 0.9;

describe("search quality on the first essay", () => {
  let knowledge: KnowledgeBase;
  beforeAll(async () => {
    knowledge = await loadKnowledge("knowledge");
  });

  const topResult = (query: string) => knowledge.search(query, { limit: 1 }).hits[0]?.passage.text ?? "";

  it("has at least 40 cases of each kind mixed", () => {
    expect(qualitySet.length).toBeGreaterThanOrEqual(40);
    for (const kind of ["name", "typo", "question"] as const) {
      expect(qualitySet.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(10);
    }
    // Every expectation must name a real passage, or the set would measure nothing.
    const texts = knowledge.documents.flatMap((d) => d.passages.map((p) => p.text));
    for (const c of qualitySet) expect(texts.some((t) => t.includes(c.expect)), c.expect).toBe(true);
  });

  it(`returns the expected passage first for at least ${TOP1_TARGET * 100}% of queries`, () => {
    const misses = qualitySet.filter((c) => !topResult(c.query).includes(c.expect));
    const top1 = 1 - misses.length / qualitySet.length;
    expect(misses.map((c) => `${c.kind}: ${c.query} -> ${topResult(c.query).slice(0, 80)}`)).toEqual(
      misses.length / qualitySet.length <= 1 - TOP1_TARGET ? expect.any(Array) : [],
    );
    expect(top1).toBeGreaterThanOrEqual(TOP1_TARGET);
  });

  for (const kind of ["name", "typo", "question"] as const) {
    it(`ranks ${kind} queries well on their own (>= 80% top-1)`, () => {
      const cases = qualitySet.filter((c) => c.kind === kind);
      const hits = cases.filter((c) => topResult(c.query).includes(c.expect)).length;
      expect(hits / cases.length).toBeGreaterThanOrEqual(0.8);
    });
  }
});
