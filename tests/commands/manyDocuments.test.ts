/**
 * Three documents loaded at once (the seed essay and two neutral essays on city traffic): commands work across
 * every document unless one is named, and ask "which document?" only when the answer really differs, with a
 * button per document and an example that repeats the whole command.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, type KnowledgeBase } from "../../src/knowledge/index.js";
import { createCommandRegistry, type CommandRegistry, type Reply } from "../../src/commands/index.js";
import { decodeInvocation } from "../../src/reply/invocation.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";
import { seededRandom } from "../support/seededRandom.js";

const SEED = "russia-ukraine-peace-talks";
const CARS = "car-free-city-centres";
const PRICING = "congestion-pricing";
let directory: string;
let knowledge: KnowledgeBase;
let registry: CommandRegistry;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "gt-many-"));
  for (const file of [`knowledge/${SEED}.txt`, `knowledge/${SEED}.topics.json`, `tests/fixtures/judged/${CARS}.md`, `tests/fixtures/stance/${PRICING}.md`]) {
    await copyFile(file, path.join(directory, path.basename(file)));
  }
  knowledge = await loadKnowledge(directory);
  expect(knowledge.errors).toEqual([]);
  expect(knowledge.documents.map((document) => document.id).sort()).toEqual([CARS, PRICING, SEED]);
  registry = createCommandRegistry(() => knowledge, { random: seededRandom(3) });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function run(command: string, text = "", args?: Record<string, string>): Promise<Reply> {
  return registry.run({ command, text, args, user: { id: "U0DANA", name: "dana" }, platform: consoleTraits });
}

/** The documents a reply's quotes come from, by id. */
function documentsQuoted(reply: Reply): Set<string> {
  return new Set(reply.quotes.map((quote) => quote.passageId.split("#")[0]!));
}

describe("commands work across every document when none is named", () => {
  it("/debate draws a motion without asking which document, and its evidence comes from one document", async () => {
    const reply = await run("debate");
    expect(reply.title).toBe("Debate motion");
    expect(reply.quotes.length).toBeGreaterThan(0);
    expect(documentsQuoted(reply).size).toBe(1);
    // The motion says which document it is from.
    const from = knowledge.documents.find((document) => documentsQuoted(reply).has(document.id))!;
    expect(reply.text).toContain(`(${from.title})`);
  });

  it("'Another motion' walks through motions of every document", async () => {
    const seen = new Set<string>();
    let reply = await run("debate");
    for (let i = 0; i < 12 && reply.actions?.length; i++) {
      for (const id of documentsQuoted(reply)) seen.add(id);
      const next = decodeInvocation(reply.actions.find((action) => action.label === "Another motion")!.value)!;
      reply = await run(next.command, undefined, next.args as Record<string, string>);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it("/debate topic: uses the documents that speak to the topic", async () => {
    const pricing = await run("debate", "congestion charge");
    expect(pricing.title).toBe("Debate motion");
    expect([...documentsQuoted(pricing)]).toEqual([PRICING]);
    const seed = await run("debate", "ceasefire");
    expect(seed.title).toBe("Debate motion");
    expect([...documentsQuoted(seed)]).toEqual([SEED]);
  });

  it("/debate on a topic no document speaks to says so, not 'which document?'", async () => {
    const reply = await run("debate", "volcanic glaciers");
    expect(reply.title).toBe("No match");
    expect(reply.text).toContain("the loaded documents");
  });

  it("/prompt draws from any document", async () => {
    const reply = await run("prompt");
    expect(reply.title).toBe("Warm-up question");
    expect(reply.quotes.length).toBeGreaterThan(0);
  });

  it("/counter uses the documents that speak to the claim, each quote naming its document", async () => {
    const reply = await run("counter", "congestion charges never reduce traffic");
    expect(reply.title).toBe("Counter-evidence");
    expect(reply.quotes.length).toBeGreaterThanOrEqual(2);
    // Both traffic essays discuss charging; the seed essay does not.
    expect(documentsQuoted(reply).has(SEED)).toBe(false);
    expect(reply.quotes[0]!.passageId.startsWith(`${PRICING}#`)).toBe(true);
    for (const quote of reply.quotes) {
      const document = knowledge.document(quote.passageId.split("#")[0])!;
      expect(quote.label?.startsWith(`${document.title}: `)).toBe(true);
    }
  });

  it("/counter on a claim no document discusses says the documents do not discuss it", async () => {
    const reply = await run("counter", "volcanoes erupt more often in winter");
    expect(reply.title).toBe("Not in the documents");
    expect(reply.text).toMatch(/volcano/);
  });

  it("/counter with a document named keeps to that document", async () => {
    const reply = await run("counter", "the ceasefire talks succeeded", { document: CARS });
    expect(reply.title).toBe("Not in the document");
  });

  it("/audit without a document summarises each document", async () => {
    const reply = await run("audit");
    expect(reply.title).toBe("Audit of the loaded documents");
    expect(reply.fields?.map((field) => field.label).sort()).toEqual(knowledge.documents.map((document) => document.title).sort());
    for (const field of reply.fields ?? []) expect(field.value).toMatch(/^\d+ of \d+ sentences cite a source/);
  });

  it("/audit of a section only one document has audits that section, naming the document", async () => {
    const reply = await run("audit", "Pontevedra Model");
    expect(reply.title).toBe(`Audit: The Pontevedra Model (${knowledge.document(CARS)!.title})`);
  });
});

describe("which document? only when the answer differs, with buttons and a complete example", () => {
  it("/audit introduction (a section every essay has) asks, one button per document, each a whole command", async () => {
    const reply = await run("audit", "introduction");
    expect(reply.title).toBe("Which document?");
    expect(reply.text).toMatch(/for example: \/audit introduction document: [a-z-]+$/);
    const invocations = (reply.actions ?? []).map((action) => decodeInvocation(action.value)!);
    expect(invocations.length).toBeGreaterThanOrEqual(2);
    for (const invocation of invocations) {
      expect(invocation.command).toBe("audit");
      expect(invocation.args.section).toBe("introduction");
      const answer = await run(invocation.command, undefined, invocation.args as Record<string, string>);
      expect(answer.title).toBe("Audit: Introduction");
    }
    expect(new Set(invocations.map((invocation) => invocation.args.document)).size).toBe(invocations.length);
  });

  it("the example keeps a typed claim (whichDocumentReply)", async () => {
    const { whichDocumentReply } = await import("../../src/commands/shared/chooseDocument.js");
    const reply = whichDocumentReply(knowledge, knowledge.documents, "counter", { claim: "charges are unfair" }, { main: "claim" });
    expect(reply.text).toContain(`for example: /counter charges are unfair document: ${knowledge.documents[0]!.id}`);
    const clicked = decodeInvocation(reply.actions![0]!.value)!;
    expect(clicked.args).toEqual({ claim: "charges are unfair", document: knowledge.documents[0]!.id });
  });
});

describe("/thesis says where each thesis came from", () => {
  it("a section headed as the thesis, a sentence saying what the essay argues, or a topic file", async () => {
    const reply = await run("thesis");
    expect(reply.title).toBe("Theses of the loaded documents");
    const title = (id: string) => knowledge.document(id)!.title;
    expect(reply.text).toContain(`${title(PRICING)}: its section headed as the thesis.`);
    expect(reply.text).toContain(`${title(CARS)}: a sentence that says what it argues.`);
    expect(reply.text).toContain(`${title(SEED)}: the passage its topic file names as the answer.`);
    const cars = reply.quotes.find((quote) => quote.label === `Thesis of ${title(CARS)}`)!;
    expect(cars.text).toMatch(/^This essay argues that car-free centres/);
  });

  it("a document with none of these gets 'no thesis found', not its opening sentence called a thesis", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gt-thesis-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path.join(dir, "field-notes.md"), "# Field Notes\n\n## Morning\n\nThe river rose overnight.\n\n## Evening\n\nThe boats were moved uphill.\n");
      const one = await loadKnowledge(dir);
      const reply = await createCommandRegistry(() => one).run({ command: "thesis", text: "", user: { id: "U1" }, platform: consoleTraits });
      expect(reply.title).toBe("No thesis found in Field Notes");
      expect(reply.kind).toBe("notice");
      expect(reply.quotes).toEqual([]);
      expect(reply.text).toMatch(/no thesis found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a topic file's passages are found with the search /ask uses", () => {
  it("an answer phrase and an evidence phrase that are not verbatim in the text still find their passages", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gt-topicsearch-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await copyFile(`tests/fixtures/judged/${CARS}.md`, path.join(dir, `${CARS}.md`));
      const topics = {
        topics: [
          {
            command: "why-car-free",
            description: "Why close centres to cars",
            // Paraphrased, not the essay's words: a phrase look-up alone finds nothing.
            answer: { passage: "car free centres bring gains in air quality and road safety" },
            reasons: [{ label: "Pontevedra", evidence: ["the town took cars out of its old core step by step"] }],
          },
        ],
      };
      await writeFile(path.join(dir, `${CARS}.topics.json`), JSON.stringify(topics));
      const one = await loadKnowledge(dir);
      const reply = await createCommandRegistry(() => one).run({ command: "why-car-free", text: "", user: { id: "U1" }, platform: consoleTraits });
      expect(reply.quotes[0]!.label).toBe("Answer");
      expect(reply.quotes[0]!.text).toMatch(/car-free centres deliver real gains in air quality, road safety/);
      expect(reply.quotes.some((quote) => quote.label === "Reason 1: Pontevedra" && /Pontevedra/.test(quote.text))).toBe(true);
      // The loader still says the phrases are not the document's own words, so a maintainer can pin them exactly.
      expect(one.errors.map((error) => error.message)).toEqual([expect.stringMatching(/answer: .* word for word, so its passage is found by search/), expect.stringMatching(/reason 1: .* word for word/)]);
      expect(reply.footer ?? "").not.toMatch(/offers no passage/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
