import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildDiscordCommands } from "../../src/platforms/discord/buildDiscordCommands.js";
import { buildSlackManifest } from "../../src/platforms/slack/buildSlackManifest.js";
import { loadBot, MINSK_PASSAGE, THESIS_START, type Bot } from "./loadRegistry.js";

const ESSAY = "russia-ukraine-peace-talks";

/** A second, different essay with its own topic, to prove topic commands come from data. */
const CANAL_ESSAY = `Why the Canal Project Failed
A Study of Ambition and Neglect The canal was proposed in 1890 to join the two rivers.
Investors were promised quick returns.
Thesis Statement The canal project failed because of chronic underfunding, engineering errors, and political rivalry between the towns.
Money Troubles: The Grant That Shrank The treasury cut its grant twice before the first lock was finished (Hart, 1901).
Contractors went unpaid for months, and many left the works (Lowe, 1899).
Engineering Errors: Clay and Collapse The surveyors misjudged the clay, and the second lock collapsed in its first winter (Hart, 1901).
Political Rivalry: The Role of the Towns The towns of Eastford and Westbury each demanded the terminus, and neither would pay for the other's wharf (Pike, 1902).
Conclusion: A Ditch Half Dug? The canal stands half-dug to this day.
- Hart, B.
(1901).
Canal Review.
- Lowe, C.
(1899).
Works Gazette.
- Pike, D.
(1902).
Town Records.`;

const CANAL_TOPICS = {
  topics: [
    {
      command: "why-failed",
      description: "Why the canal project failed, with cited evidence",
      question: "Why did the canal project fail?",
      reasons: [
        { label: "Underfunding", query: "treasury grant unpaid contractors" },
        { label: "Engineering errors", evidence: ["the second lock collapsed"] },
        { label: "Political rivalry", query: "rival towns terminus wharf" },
      ],
    },
  ],
  motions: [{ motion: "This house would finish the canal" }],
};

let bot: Bot;
const temporary: string[] = [];
beforeAll(async () => {
  bot = await loadBot();
});
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function knowledgeFolder(files: Record<string, string>, withPeaceTalks = true): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gt-topics-"));
  temporary.push(dir);
  if (withPeaceTalks) await copyFile(path.join("knowledge", `${ESSAY}.txt`), path.join(dir, `${ESSAY}.txt`));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe("/why-stalled", () => {
  it("gives the answer the topic file names (the thesis), then each of the three reasons with cited evidence from the body", async () => {
    const reply = await bot.run("why-stalled");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Why are the Russia-Ukraine peace talks stalled?");
    const [thesis, ...evidence] = reply.quotes;
    expect(thesis!.label).toBe("Answer");
    expect(thesis!.text.startsWith(THESIS_START)).toBe(true);
    const reasons = ["Reason 1: Irreconcilable war aims", "Reason 2: External interference", "Reason 3: No enforceable trust mechanisms"];
    expect([...new Set(evidence.map((quote) => quote.label))]).toEqual(reasons);
    for (const reason of reasons) {
      const quotes = evidence.filter((quote) => quote.label === reason);
      expect(quotes.every((quote) => quote.text !== thesis!.text && quote.section !== "Thesis Statement")).toBe(true);
      expect(quotes.some((quote) => quote.citations.length > 0), reason).toBe(true);
    }
    expect(evidence.filter((q) => q.label === reasons[2]).map((q) => q.text)).toContain(MINSK_PASSAGE);
    expect(evidence.find((q) => q.label === reasons[0])?.citations.map((c) => c.reference)).toContain(
      "Mearsheimer, J. (2014). Foreign Affairs.",
    );
  });

  it("is registered from the topic file, with the file's description", () => {
    expect(bot.registry.get("why-stalled")?.description).toBe(
      "Why the peace talks are stalled: the thesis, then each reason with cited evidence",
    );
    expect(bot.knowledge.errors).toEqual([]);
  });
});

describe("topic files", () => {
  it("reports a malformed topic file by name and still answers from the document", async () => {
    const dir = await knowledgeFolder({ [`${ESSAY}.topics.json`]: '{ "topics": [ { "command": "why-stalled", ' });
    const broken = await loadBot(dir);
    expect(broken.knowledge.errors).toHaveLength(1);
    expect(broken.knowledge.errors[0]!.file).toBe(`${ESSAY}.topics.json`);
    expect(broken.knowledge.errors[0]!.message).toMatch(/not valid JSON/);
    expect(broken.registry.get("why-stalled")).toBeUndefined();
    expect((await broken.run("source", "minsk")).quotes[0]!.text).toBe(MINSK_PASSAGE);
    expect((await broken.run("thesis")).quotes[0]!.text.startsWith(THESIS_START)).toBe(true);
    const docs = await broken.run("docs");
    expect(docs.fields!.at(-1)).toMatchObject({ label: "Could not load" });
    expect(docs.fields!.at(-1)!.value).toContain(`${ESSAY}.topics.json: the topic file is not valid JSON`);
  });

  it("names what is wrong in a topic of the wrong shape", async () => {
    const bad = { topics: [{ command: "Why Stalled!", description: "x", reasons: [] }] };
    const dir = await knowledgeFolder({ [`${ESSAY}.topics.json`]: JSON.stringify(bad) });
    const { knowledge } = await loadBot(dir);
    expect(knowledge.errors).toEqual([{ file: `${ESSAY}.topics.json`, message: expect.stringContaining("topics[0].command") }]);
    expect(knowledge.documents).toHaveLength(1);
  });

  it("refuses a topic command Slack would refuse: 32 characters with the slash counted", async () => {
    const name = "why-did-the-water-talks-collapse";
    expect(name).toHaveLength(32);
    const topics = { topics: [{ command: name, description: "Why the talks collapsed", reasons: [{ label: "Trust", query: "trust" }] }] };
    const dir = await knowledgeFolder({ [`${ESSAY}.topics.json`]: JSON.stringify(topics) });
    const { knowledge, registry } = await loadBot(dir);
    expect(knowledge.errors).toEqual([{ file: `${ESSAY}.topics.json`, message: expect.stringMatching(/topics\[0\]\.command .*1-31 .*Slack counts the slash/) }]);
    // The manifest and Discord's registration still build, every name within both platforms' limits.
    const commands = buildSlackManifest(registry.list()).features.slash_commands.map((command) => command.command);
    expect(commands).not.toContain(`/${name}`);
    for (const command of commands) expect(command.length).toBeLessThanOrEqual(32);
    expect(() => buildDiscordCommands(registry.list())).not.toThrow();
  });

  it("warns about a pinned phrase the document does not contain", async () => {
    const topics = { topics: [{ command: "why-stalled", description: "d", reasons: [{ label: "Trust", query: "trust", evidence: ["no such words here"] }] }] };
    const dir = await knowledgeFolder({ [`${ESSAY}.topics.json`]: JSON.stringify(topics) });
    const warned = await loadBot(dir);
    expect(warned.knowledge.errors[0]!.message).toContain('the phrase "no such words here" is not in');
    expect((await warned.run("why-stalled")).quotes.length).toBeGreaterThan(1);
  });

  it("gives a second essay its own topic command and lets every command pick a document", async () => {
    const dir = await knowledgeFolder({
      "canal-project.txt": CANAL_ESSAY,
      "canal-project.topics.json": JSON.stringify(CANAL_TOPICS),
      [`${ESSAY}.topics.json`]: await readTopics(),
    });
    const both = await loadBot(dir);
    expect(both.knowledge.errors).toEqual([]);
    expect(both.knowledge.documents.map((d) => d.id)).toEqual(["canal-project", ESSAY]);
    expect(both.knowledge.document("canal-project")?.topics?.motions).toEqual(CANAL_TOPICS.motions);

    const failed = await both.run("why-failed");
    expect(failed.title).toBe("Why did the canal project fail?");
    expect(failed.quotes[0]!.text).toMatch(/^The canal project failed because of chronic underfunding/);
    const labels = [...new Set(failed.quotes.slice(1).map((q) => q.label))];
    expect(labels).toEqual(["Reason 1: Underfunding", "Reason 2: Engineering errors", "Reason 3: Political rivalry"]);
    expect(failed.quotes.find((q) => q.label === "Reason 2: Engineering errors")?.text).toContain("the second lock collapsed");
    for (const label of labels) expect(failed.quotes.some((q) => q.label === label && q.citations.length > 0)).toBe(true);

    // Each topic command finds the one document that answers it; asking another document is helpful, not an error.
    expect((await both.run("why-stalled")).quotes[0]!.text.startsWith(THESIS_START)).toBe(true);
    const elsewhere = await both.run("why-failed", `document: ${ESSAY}`);
    expect(elsewhere.kind).toBe("notice");
    expect(elsewhere.text).toContain("has no /why-failed topic. It answers /why-stalled.");

    // Other commands take `document:` (fuzzy) and, without one, search every document.
    const canalThesis = await both.run("thesis", "document: canal");
    expect(canalThesis.quotes[0]!.text).toContain("chronic underfunding");
    const bothTheses = await both.run("thesis");
    expect(bothTheses.quotes).toHaveLength(2);
    const minsk = await both.run("source", "minsk");
    expect(minsk.quotes[0]!.text).toBe(MINSK_PASSAGE);
    const notInCanal = await both.run("source", "minsk document: canal-project");
    expect(notInCanal.text).toBe(
      `Nothing in Why the Canal Project Failed matches 'minsk'. It does appear in another document: try document: ${ESSAY}.`,
    );
    const hart = await both.run("cite", "hart doc: canal");
    expect(hart.references).toEqual(["Hart, B. (1901). Canal Review."]);
    expect(hart.quotes).toHaveLength(2);
    const unknownDocument = await both.run("ask", "why document: zzzzzz");
    expect(unknownDocument.kind).toBe("error");
    expect(unknownDocument.fields?.[0]?.value).toContain("canal-project: Why the Canal Project Failed");
  });

  it("answers a topic command helpfully for a document without topics", async () => {
    const dir = await knowledgeFolder({ "canal-project.txt": CANAL_ESSAY, [`${ESSAY}.topics.json`]: await readTopics() });
    const both = await loadBot(dir);
    const reply = await both.run("why-stalled", "document: canal-project");
    expect(reply.kind).toBe("notice");
    expect(reply.text).toContain("Try /thesis");
    expect(reply.fields?.[0]?.value).toContain(ESSAY);
    expect((await both.run("thesis", "document: canal-project")).quotes[0]!.section).toBe("Thesis Statement");
  });

  it("reports a topic file with no document to go with it", async () => {
    const dir = await knowledgeFolder({ "ghost.topics.json": JSON.stringify(CANAL_TOPICS) });
    const { knowledge } = await loadBot(dir);
    expect(knowledge.errors).toEqual([{ file: "ghost.topics.json", message: expect.stringContaining('"ghost"') }]);
  });
});

async function readTopics(): Promise<string> {
  return readFile(path.join("knowledge", `${ESSAY}.topics.json`), "utf8");
}
