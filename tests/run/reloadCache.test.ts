/**
 * Re-indexing without stalling answers: files are parsed only when their bytes change (a content hash, not the
 * modification time alone), parsing runs in a worker thread, and the knowledge loaded before answers until the
 * new one is swapped in whole.
 */
import { copyFile, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { parseFileHere, type ParsedDocumentCache, type ParseFile } from "../../src/knowledge/loadKnowledge.js";
import { WorkerParser } from "../../src/knowledge/parseInWorker.js";
import { KnowledgeStore } from "../../src/app/knowledgeStore.js";

const ESSAY = "car-free-city-centres.md";
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folderWith(...files: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "gt-reload-"));
  folders.push(folder);
  for (const file of files) await copyFile(file, path.join(folder, path.basename(file)));
  return folder;
}

/** A parser that counts what it parsed (and what it found unchanged by hash). */
function countingParser(): { parse: ParseFile; parsed: string[]; unchanged: string[] } {
  const parsed: string[] = [];
  const unchanged: string[] = [];
  const parse: ParseFile = async (directory, file, knownHash) => {
    const result = await parseFileHere(directory, file, knownHash);
    (result.unchanged ? unchanged : parsed).push(file);
    return result;
  };
  return { parse, parsed, unchanged };
}

describe("the content-hash cache", () => {
  it("parses a file touched with the same bytes no more; an edit is parsed again", async () => {
    const folder = await folderWith(`tests/fixtures/judged/${ESSAY}`, "tests/fixtures/stance/congestion-pricing.md");
    const cache: ParsedDocumentCache = new Map();
    const counter = countingParser();
    const first = await loadKnowledge(folder, { cache, parse: counter.parse });
    expect(counter.parsed.sort()).toEqual(["car-free-city-centres.md", "congestion-pricing.md"]);

    // Saved again unchanged (a new modification time, the same bytes): read and hashed, not parsed.
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(folder, ESSAY), later, later);
    counter.parsed.length = 0;
    const touched = await loadKnowledge(folder, { cache, parse: counter.parse });
    expect(counter.parsed).toEqual([]);
    expect(counter.unchanged).toEqual([ESSAY]);
    expect(touched.document("car-free-city-centres")!.passages).toBe(first.document("car-free-city-centres")!.passages);

    // Edited: parsed again, and the edit is what answers.
    const text = await readFile(path.join(folder, ESSAY), "utf8");
    await writeFile(path.join(folder, ESSAY), text.replace("Pontevedra, a town of about 80,000 people", "Pontevedra, a town of about 83,000 people"));
    const edited = await loadKnowledge(folder, { cache, parse: counter.parse });
    expect(counter.parsed).toEqual([ESSAY]);
    expect(edited.search("Pontevedra town 83,000 people").hits[0]?.passage.text).toContain("about 83,000 people");
  });
});

describe("parsing in a worker thread", () => {
  it("gives the same document as parsing here, and a broken file's reason by name", async () => {
    const folder = await folderWith(`tests/fixtures/judged/${ESSAY}`);
    await writeFile(path.join(folder, "broken.pdf"), "not a pdf at all");
    const parser = new WorkerParser();
    try {
      const inWorker = await parser.parse(folder, ESSAY);
      const here = await parseFileHere(folder, ESSAY);
      expect(inWorker.document).toEqual(here.document);
      expect(inWorker.hash).toBe(here.hash);
      expect((await parser.parse(folder, ESSAY, here.hash)).unchanged).toBe(true);
      await expect(parser.parse(folder, "broken.pdf")).rejects.toThrow(/PDF/i);
      // The thread survives a bad file: the next file still parses.
      expect((await parser.parse(folder, ESSAY)).document?.id).toBe("car-free-city-centres");
    } finally {
      await parser.close();
    }
  });

  it("the store reports a broken file by name and loads the rest, at start-up (here) and on reload (in the worker)", async () => {
    const folder = await folderWith(`tests/fixtures/judged/${ESSAY}`, "tests/fixtures/stance/congestion-pricing.md");
    await writeFile(path.join(folder, "broken.pdf"), "%PDF-1.4 truncated");
    const store = await KnowledgeStore.open(folder, { watch: false });
    try {
      const knowledge = store.get();
      expect(knowledge.documents.map((document) => document.id)).toEqual(["car-free-city-centres", "congestion-pricing"]);
      expect(knowledge.errors.map((error) => error.file)).toEqual(["broken.pdf"]);
      await writeFile(path.join(folder, "empty.md"), "");
      await copyFile("knowledge/russia-ukraine-peace-talks.txt", path.join(folder, "russia-ukraine-peace-talks.txt"));
      const reloaded = await store.reload();
      expect(reloaded.documents.map((document) => document.id)).toEqual(["car-free-city-centres", "congestion-pricing", "russia-ukraine-peace-talks"]);
      expect(reloaded.errors.map((error) => [error.file, error.message])).toEqual([
        ["broken.pdf", expect.stringMatching(/PDF/)],
        ["empty.md", "the file is empty"],
      ]);
    } finally {
      await store.close();
    }
    // The worker loads pdf.js (from TypeScript source, under tsx) for the broken PDF: slow on a shared machine.
  }, 60_000);
});

describe("swapping knowledge", () => {
  it("answers from the old knowledge until the new one is built, then from the new", async () => {
    const folder = await folderWith(`tests/fixtures/judged/${ESSAY}`);
    const store = await KnowledgeStore.open(folder, { watch: false });
    try {
      const old = store.get();
      await copyFile("tests/fixtures/stance/congestion-pricing.md", path.join(folder, "congestion-pricing.md"));
      const reloading = store.reload();
      // While the new document is parsed (in the worker) and indexed (in slices), the old knowledge answers.
      const seenDuring: KnowledgeBase[] = [];
      for (let i = 0; i < 5; i++) {
        seenDuring.push(store.get());
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(seenDuring.every((knowledge) => knowledge === old)).toBe(true);
      expect(old.documents.map((document) => document.id)).toEqual(["car-free-city-centres"]);
      const fresh = await reloading;
      expect(store.get()).toBe(fresh);
      expect(fresh.documents.map((document) => document.id)).toEqual(["car-free-city-centres", "congestion-pricing"]);
    } finally {
      await store.close();
    }
  });

  it("KnowledgeBase.build indexes in slices and answers as the in-line build does", async () => {
    const folder = await folderWith(`tests/fixtures/judged/${ESSAY}`, "tests/fixtures/stance/congestion-pricing.md", "knowledge/russia-ukraine-peace-talks.txt");
    const inline = await loadKnowledge(folder);
    const { KnowledgeBase } = await import("../../src/knowledge/index.js");
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    // A slice of 0 ms yields after every document: the event loop runs between them.
    const sliced = await KnowledgeBase.build(inline.documents, inline.errors, { sliceMs: 0 });
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    for (const query of ["congestion charge Stockholm", "Pontevedra traffic deaths", "Minsk accords"]) {
      expect(sliced.search(query).hits.map((hit) => hit.passage.id)).toEqual(inline.search(query).hits.map((hit) => hit.passage.id));
    }
  });
});
