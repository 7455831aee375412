import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentIdOf, loadKnowledge, MAX_DOCUMENT_BYTES } from "../../src/knowledge/index.js";

const ESSAY = "knowledge/russia-ukraine-peace-talks.txt";

describe("loadKnowledge", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gt-knowledge-"));
    copyFileSync(ESSAY, path.join(dir, "russia-ukraine-peace-talks.txt"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads every .txt and .md document, with ids from file names, and ignores other files", async () => {
    writeFileSync(path.join(dir, "Water Wars.md"), "# Water Wars\nRivers cross borders. Dams change lives (Gleick, 2014).\n");
    writeFileSync(path.join(dir, "notes.json"), "{}");
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.errors).toEqual([]);
    expect(knowledge.documents.map((d) => d.id).sort()).toEqual(["russia-ukraine-peace-talks", "water-wars"]);
    expect(knowledge.search("dams", { documentId: "water-wars" }).hits[0]!.passage.text).toContain("Dams change lives");
    expect(knowledge.search("dams", { documentId: "russia-ukraine-peace-talks" }).hits).toEqual([]);
  });

  it.each([
    ["empty.txt", Buffer.alloc(0), /empty/],
    ["blank.md", Buffer.from("\n\n   \n"), /empty/],
    ["binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary/],
    ["latin1.txt", Buffer.from("Caf\xe9 talks. They failed.", "latin1"), /UTF-8/],
    ["huge.txt", Buffer.alloc(MAX_DOCUMENT_BYTES + 1, "a"), /limited to/],
  ])("reports %s by name and still loads the essay", async (file, bytes, reason) => {
    writeFileSync(path.join(dir, file), bytes);
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.errors).toHaveLength(1);
    expect(knowledge.errors[0]!.file).toBe(file);
    expect(knowledge.errors[0]!.message).toMatch(reason);
    expect(knowledge.search("minsk").hits[0]!.passage.text).toContain("Minsk accords");
  });

  it("reports a missing folder instead of throwing", async () => {
    const knowledge = await loadKnowledge(path.join(dir, "nope"));
    expect(knowledge.documents).toEqual([]);
    expect(knowledge.errors[0]!.message).toMatch(/cannot read the knowledge folder/);
  });

  it("derives ids from file names", () => {
    expect(documentIdOf("Russia Ukraine Peace-Talks.TXT")).toBe("russia-ukraine-peace-talks");
    expect(documentIdOf("Économie & guerre.md")).toBe("economie-guerre");
  });
});

describe("search input", () => {
  it.each([
    ["", 0],
    ["   \t ", 0],
    ["the of and", 0],
    ["\u0000\u0007\u001b[31m", 0],
    [".*+?^${}()|[]\\", 0],
    ["переговоры", 0],
  ])("answers %j without throwing", async (query, expected) => {
    const knowledge = await loadKnowledge("knowledge");
    expect(knowledge.search(query).hits).toHaveLength(expected);
  });

  it("copes with a 100 KB word", async () => {
    const knowledge = await loadKnowledge("knowledge");
    expect(knowledge.search("a".repeat(100_000)).hits).toEqual([]);
    expect(knowledge.suggest("a".repeat(100_000))).not.toContain("a".repeat(100_000));
    expect(knowledge.complete("terms", "a".repeat(100_000))).toEqual([]);
  });

  it("copes with a 100 KB query", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const query = "minsk ".repeat(20_000);
    expect(knowledge.search(query).hits[0]!.passage.text).toContain("Minsk");
  });
});

describe("typo correction", () => {
  it("corrects names within an edit or two, and leaves ordinary words alone", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const corrected = (query: string) => knowledge.search(query).corrections.map((c) => `${c.from}>${c.to}`);
    expect(corrected("minks")).toEqual(["minks>minsk"]);
    expect(corrected("mershimer")).toEqual(["mershimer>mearsheimer"]);
    expect(corrected("would anyone trust them")).toEqual([]);
  });
});

describe("autocomplete", () => {
  it("offers each term once, names first", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const choices = knowledge.complete("terms", "mi");
    expect(choices[0]).toBe("Minsk");
    expect(choices.filter((c) => c.toLowerCase() === "minsk")).toHaveLength(1);
    expect(knowledge.complete("sources", "mer")[0]).toBe("Mearsheimer");
    expect(knowledge.complete("sources", "mershe")[0]).toBe("Mearsheimer");
    expect(knowledge.complete("sections", "").length).toBe(6);
  });
});
