/**
 * A knowledge folder where everything beside the essay is broken: an empty file, a binary one, a 50 MB one,
 * one saved as Latin-1, and a topic file that is not JSON. Each failure is reported naming its file and what
 * is wrong, and the essay still answers.
 */
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/commands/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { createLogger } from "../../src/logger.js";
import { KnowledgeStore } from "../../src/app/knowledgeStore.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";

const MINSK_PASSAGE =
  "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
const ESSAY = "russia-ukraine-peace-talks.txt";

/** Each broken file and what its error must say. */
const BROKEN: Record<string, RegExp> = {
  "empty.txt": /empty/i,
  "binary.txt": /binary/i,
  "huge.txt": /50\.0 MB.*limited to 5\.0 MB/,
  "latin1.md": /not valid UTF-8/,
  "russia-ukraine-peace-talks.topics.json": /not valid JSON/,
};

let directory: string;
let knowledge: KnowledgeBase;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "gt-knowledge-faults-"));
  copyFileSync(path.join("knowledge", ESSAY), path.join(directory, ESSAY));
  writeFileSync(path.join(directory, "empty.txt"), "");
  // A PNG header and some zeros: what a mis-named upload looks like.
  writeFileSync(path.join(directory, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // Sparse: 50 MB on paper, nothing on disk, created instantly.
  writeFileSync(path.join(directory, "huge.txt"), "");
  truncateSync(path.join(directory, "huge.txt"), 50 * 1024 * 1024);
  writeFileSync(path.join(directory, "latin1.md"), Buffer.from("Négociations à Genève: le café, la crème, naïveté.\n", "latin1"));
  writeFileSync(path.join(directory, "russia-ukraine-peace-talks.topics.json"), '{ "topics": [ { "command": "why-stalled", ');
  knowledge = await loadKnowledge(directory);
});

afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("broken knowledge files", () => {
  it("reports each broken file by name, saying what is wrong, and nothing else", () => {
    const byFile = new Map(knowledge.errors.map((error) => [error.file, error.message]));
    for (const [file, reason] of Object.entries(BROKEN)) {
      expect(byFile.get(file), `an error for ${file}`).toMatch(reason);
    }
    expect([...byFile.keys()].sort()).toEqual(Object.keys(BROKEN).sort());
  });

  it("loads the essay and nothing from the broken files", () => {
    expect(knowledge.documents.map((document) => document.file)).toEqual([ESSAY]);
    expect(knowledge.passageCount).toBeGreaterThan(10);
  });

  it("still answers /source minsk from the essay, quoted word for word with where it is from", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const reply = await registry.run({ command: "source", text: "minsk", user: { id: "U1" }, platform: slackTraits });
    expect(reply.kind).toBe("answer");
    const quote = reply.quotes.find((q) => q.text === MINSK_PASSAGE);
    expect(quote).toBeDefined();
    expect(quote!.section).toBe("The Trust Deficit and Enforcement Challenges");
    expect(quote!.passageId).toMatch(/^russia-ukraine-peace-talks#/);
  });

  it("shows the problems to users in /docs, each with its file name", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const reply = await registry.run({ command: "docs", user: { id: "U1" }, platform: slackTraits });
    const shown = JSON.stringify(reply);
    for (const file of Object.keys(BROKEN)) expect(shown).toContain(file);
  });

  it("logs one line per broken file when the running bot loads the folder", async () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const store = await KnowledgeStore.open(directory, { logger: createLogger({ level: "info", destination }), watch: false });
    try {
      const failures = chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; file?: string; reason?: string })
        .filter((line) => line.msg === "a knowledge file failed to load");
      expect(failures.map((line) => line.file).sort()).toEqual(Object.keys(BROKEN).sort());
      for (const line of failures) expect(line.reason).toMatch(BROKEN[line.file!]!);
      expect(store.get().documents).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
