import { copyFile, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import { KnowledgeStore, summarize } from "../../src/app/knowledgeStore.js";

const MINSK = "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
const GRAIN_NOTES = [
  "# Grain Corridor Notes",
  "",
  "The Black Sea grain deal let ships leave Odesa in 2022 (Reuters, 2022). It collapsed in July 2023.",
  "",
  "References",
  "Reuters. (2022). Grain deal signed.",
  "",
].join("\n");

const stores: KnowledgeStore[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function essayFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "ground-truth-knowledge-"));
  folders.push(folder);
  await copyFile("knowledge/russia-ukraine-peace-talks.txt", path.join(folder, "russia-ukraine-peace-talks.txt"));
  await copyFile("knowledge/russia-ukraine-peace-talks.topics.json", path.join(folder, "russia-ukraine-peace-talks.topics.json"));
  return folder;
}

async function openStore(folder: string): Promise<{ store: KnowledgeStore; nextReload: () => Promise<KnowledgeBase> }> {
  let resolveReload: ((knowledge: KnowledgeBase) => void) | null = null;
  const store = await KnowledgeStore.open(folder, {
    debounceMs: 50,
    onReload: (knowledge) => resolveReload?.(knowledge),
  });
  stores.push(store);
  const nextReload = () =>
    new Promise<KnowledgeBase>((resolve, reject) => {
      // A reload parses in a worker thread, which from TypeScript source (tsx) takes a few seconds to start on a busy machine.
      const timer = setTimeout(() => reject(new Error("the watcher did not reload within 10 s")), 10_000);
      resolveReload = (knowledge) => {
        clearTimeout(timer);
        resolveReload = null;
        resolve(knowledge);
      };
    });
  return { store, nextReload };
}

function hasMinsk(knowledge: KnowledgeBase): boolean {
  return knowledge.search("Minsk accords").hits.some((hit) => hit.passage.text.includes(MINSK));
}

describe("KnowledgeStore", () => {
  it("loads the folder with its topic file", async () => {
    const { store } = await openStore(await essayFolder());
    const knowledge = store.get();
    expect(summarize(knowledge)).toMatchObject({ documents: 1, errors: 0 });
    expect(knowledge.passageCount).toBeGreaterThan(10);
    expect(hasMinsk(knowledge)).toBe(true);
    expect(knowledge.documents[0]!.topics?.topics.map((topic) => topic.command)).toContain("why-stalled");
  });

  it("re-indexes a document added to the watched folder, and drops a removed one", async () => {
    const folder = await essayFolder();
    const { store, nextReload } = await openStore(folder);
    const reloaded = nextReload();
    await writeFile(path.join(folder, "grain-corridor.md"), GRAIN_NOTES);
    const knowledge = await reloaded;
    expect(store.get()).toBe(knowledge);
    expect(knowledge.documents.map((document) => document.id)).toEqual(["grain-corridor", "russia-ukraine-peace-talks"]);
    expect(knowledge.search("grain deal Odesa").hits[0]?.passage.text).toContain("let ships leave Odesa");

    const removed = nextReload();
    await unlink(path.join(folder, "grain-corridor.md"));
    expect((await removed).documents.map((document) => document.id)).toEqual(["russia-ukraine-peace-talks"]);
  });

  it("keeps the last good version of a document whose edit breaks it, and says which file and why", async () => {
    const folder = await essayFolder();
    const { store, nextReload } = await openStore(folder);
    const reloaded = nextReload();
    await writeFile(path.join(folder, "russia-ukraine-peace-talks.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
    const knowledge = await reloaded;
    expect(store.get()).toBe(knowledge);
    expect(hasMinsk(knowledge)).toBe(true);
    expect(knowledge.documents[0]!.topics?.topics.length).toBeGreaterThan(0);
    expect(knowledge.errors).toEqual([
      {
        file: "russia-ukraine-peace-talks.txt",
        message: expect.stringMatching(/looks binary.*still answering from the last version that loaded/),
      },
    ]);

    // A brand-new broken document has no last good version: it is reported and the rest keeps answering.
    const added = nextReload();
    await writeFile(path.join(folder, "empty.txt"), "");
    const after = await added;
    expect(after.errors.map((error) => error.file).sort()).toEqual(["empty.txt", "russia-ukraine-peace-talks.txt"]);
    expect(after.errors.find((error) => error.file === "empty.txt")?.message).toBe("the file is empty");
    expect(hasMinsk(after)).toBe(true);
  });

  it("reports an unreadable folder as an error instead of throwing", async () => {
    const store = await KnowledgeStore.open(path.join(tmpdir(), "ground-truth-no-such-folder"), { watch: false });
    stores.push(store);
    expect(summarize(store.get())).toEqual({ documents: 0, passages: 0, errors: 1 });
    expect(store.get().errors[0]!.message).toMatch(/cannot read the knowledge folder/);
  });
});
