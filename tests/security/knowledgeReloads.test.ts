/**
 * Knowledge edits never empty, half-fill or freeze the bot: a file still being written is not loaded until it
 * stops changing, a deleted last document or an unreadable folder keeps what was loaded, a folder replaced
 * under its path is watched again, and a pathological topic file beside a large essay reloads without
 * holding requests up for longer than the essay alone does.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "../support/seededRandom.js";
import type { KnowledgeBase } from "../../src/knowledge/index.js";
import { KnowledgeStore, summarize } from "../../src/app/knowledgeStore.js";
import { createHttpServer } from "../../src/http/createHttpServer.js";
import { shutdownHttpServer } from "../../src/http/shutdownHttpServer.js";

const ESSAY = "russia-ukraine-peace-talks.txt";
const stores: KnowledgeStore[] = [];
const folders: string[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => shutdownHttpServer(server, 200)));
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "ground-truth-reloads-"));
  folders.push(folder);
  return folder;
}

async function essayFolder(): Promise<string> {
  const parent = await tempFolder();
  const folder = path.join(parent, "knowledge");
  await mkdir(folder);
  await copyFile(`knowledge/${ESSAY}`, path.join(folder, ESSAY));
  return folder;
}

/** Opens a store on `folder`; `reloads` collects every reload after the first load. */
async function open(folder: string, reloads: KnowledgeBase[] = [], reloadSpacing?: number): Promise<KnowledgeStore> {
  let opened = false;
  const store = await KnowledgeStore.open(folder, {
    debounceMs: 60,
    folderCheckMs: 100,
    reloadSpacing,
    onReload: (knowledge) => opened && reloads.push(knowledge),
  });
  opened = true;
  stores.push(store);
  return store;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a document being written", () => {
  it("is not loaded half-way: every reload sees the whole old or the whole new version", async () => {
    const folder = await essayFolder();
    const reloads: KnowledgeBase[] = [];
    const store = await open(folder, reloads);
    const full = store.get().passageCount;
    const text = await readFile(path.join(folder, ESSAY), "utf8");
    // Written again in pieces, 40 ms apart: slower than one debounce, as a large copy or a slow editor writes.
    await writeFile(path.join(folder, ESSAY), "");
    const pieces = 12;
    for (let i = 0; i < pieces; i++) {
      await appendFile(path.join(folder, ESSAY), text.slice((i * text.length) / pieces, ((i + 1) * text.length) / pieces));
      await pause(40);
    }
    await until(() => reloads.length > 0 && reloads.at(-1)!.passageCount === full);
    await pause(300);
    expect(reloads.map((knowledge) => knowledge.passageCount)).toEqual(reloads.map(() => full));
  });
});

describe("a folder that loses its documents keeps answering from what was loaded", () => {
  it("when its only document is deleted", async () => {
    const folder = await essayFolder();
    const reloads: KnowledgeBase[] = [];
    const store = await open(folder, reloads);
    await unlink(path.join(folder, ESSAY));
    await until(() => reloads.length > 0);
    expect(summarize(store.get())).toMatchObject({ documents: 1 });
    expect(store.get().search("Minsk accords").hits.length).toBeGreaterThan(0);
  });

  it("when the folder cannot be read, and picks up its documents once it can", async () => {
    const folder = await essayFolder();
    const reloads: KnowledgeBase[] = [];
    const store = await open(folder, reloads);
    // As root, chmod 000 does not stop reads; a file where the folder was cannot be read as a folder either.
    await rename(folder, `${folder}.away`);
    await writeFile(folder, "not a folder");
    await until(() => reloads.length > 0);
    expect(summarize(store.get()).documents).toBe(1);

    await unlink(folder);
    await rename(`${folder}.away`, folder);
    await writeFile(path.join(folder, "grain-notes.md"), "# Grain\n\nThe grain deal let ships leave in 2022.\n");
    await until(() => store.get().documents.length === 2);
  });
});

describe("a folder replaced under its path", () => {
  it("is watched again: edits to the new folder are picked up", async () => {
    const folder = await essayFolder();
    const store = await open(folder);
    await rename(folder, `${folder}.old`);
    await mkdir(folder);
    await copyFile(path.join(`${folder}.old`, ESSAY), path.join(folder, ESSAY));
    await pause(400);
    await writeFile(path.join(folder, "grain-notes.md"), "# Grain\n\nThe grain deal let ships leave in 2022.\n");
    await until(() => store.get().documents.length === 2);
    expect(store.get().documents.map((document) => document.file).sort()).toEqual(["grain-notes.md", ESSAY]);
  });
});

/** An essay of about `bytes`, with sections and citations, and `phrases` evidence phrases taken from it. */
function largeEssay(bytes: number, phrases: number): { essay: string; topics: string } {
  const random = seededRandom(11);
  const words = Array.from({ length: 3000 }, (_, i) => `${i.toString(36)}${"aeiou"[i % 5]}rd${"lmnst"[i % 3]}`);
  const pick = () => words[Math.floor(random() * words.length)]!;
  const lines = ["# A Large Essay", ""];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    if (n % 20 === 0) lines.push(`## Part ${n / 20 + 1}`, "");
    const paragraph = Array.from({ length: 4 }, () => `${Array.from({ length: 15 }, pick).join(" ")} (Writer${n % 40}, 2021).`).join(" ");
    lines.push(paragraph, "");
    size += paragraph.length + 2;
  }
  lines.push("References", ...Array.from({ length: 40 }, (_, i) => `Writer${i}. (2021). Work ${i}.`));
  const essay = lines.join("\n");
  const body = lines.filter((line) => line.length > 300);
  const evidence = Array.from({ length: phrases }, () => {
    const line = body[Math.floor(random() * body.length)]!;
    const start = line.indexOf(" ", Math.floor(random() * (line.length - 80))) + 1;
    return line.slice(start, line.indexOf(" ", start + 30));
  });
  const perTopic = phrases / 20;
  const topics = {
    topics: Array.from({ length: 20 }, (_, t) => ({
      command: `why-part-${t}`,
      description: "A topic with many evidence phrases",
      reasons: Array.from({ length: 10 }, (_, r) => ({ label: `Reason ${r}`, evidence: evidence.slice(t * perTopic + (r * perTopic) / 10, t * perTopic + ((r + 1) * perTopic) / 10) })),
    })),
  };
  return { essay, topics: JSON.stringify(topics, null, 1) };
}

describe("a pathological topic file beside a large essay", () => {
  /**
   * Re-saves `file` and asks /healthz again 10 ms after each answer until the reload is done: the longest the
   * server went without answering (the gap between two answers, less the 10 ms pause).
   */
  async function worstLatencyDuringReload(folder: string, file: string, text: string): Promise<number> {
    const reloads: KnowledgeBase[] = [];
    // Not spaced after the first load: this measures one reload, not the wait before it.
    const store = await open(folder, reloads, 0);
    const server = createHttpServer({ health: () => summarize(store.get()) });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    let worst = 0;
    let probing = true;
    const probe = (async () => {
      let answeredAt = performance.now();
      while (probing) {
        await pause(10);
        const response = await fetch(url);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        worst = Math.max(worst, performance.now() - answeredAt - 10);
        answeredAt = performance.now();
      }
    })();
    await writeFile(path.join(folder, file), text);
    await until(() => reloads.length > 0, 60_000);
    probing = false;
    await probe;
    await store.close();
    return worst;
  }

  it("holds requests up no longer than re-indexing the essay alone does (2,000 phrases beside 1 MB)", async () => {
    const { essay, topics } = largeEssay(1_000_000, 2_000);
    const folder = await tempFolder();
    await writeFile(path.join(folder, "large-essay.txt"), essay);

    // Baseline, same run: the essay re-saved with no topic file.
    const essayAlone = await worstLatencyDuringReload(folder, "large-essay.txt", `${essay}\n`);
    // Then the topic file saved beside it: 2,000 phrases, each checked against the whole essay.
    const withTopics = await worstLatencyDuringReload(folder, "large-essay.topics.json", topics);
    console.log(`worst /healthz latency during a reload: essay alone ${essayAlone.toFixed(0)} ms, with 2,000 topic phrases ${withTopics.toFixed(0)} ms`);

    const loaded = stores.at(-1)!.get();
    expect(loaded.errors.filter((error) => !error.message.includes("is not in"))).toEqual([]);
    expect(loaded.documents[0]!.topics?.topics).toHaveLength(20);
    // Checked one phrase at a time against every passage, this took well over a minute.
    expect(withTopics).toBeLessThan(2 * essayAlone + 1_000);
  }, 120_000);
});
