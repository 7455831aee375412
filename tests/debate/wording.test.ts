import { describe, expect, it } from "vitest";
import { buildDiscordCommands } from "../../src/platforms/discord/buildDiscordCommands.js";
import { buildSlackManifest } from "../../src/platforms/slack/index.js";
import { commandsFor, createCommandRegistry, type CommandDefinition } from "../../src/commands/index.js";
import { debateMaterialOf, findMotions } from "../../src/commands/debate/analysis/findMotions.js";
import { motionStatement } from "../../src/commands/debate/analysis/motionStatement.js";
import { warmUpPrompts } from "../../src/commands/debate/analysis/warmUpPrompts.js";
import { KnowledgeBase, parseDocument } from "../../src/knowledge/index.js";
import { knowledgeOf } from "./scoreStance.js";
import { SECOND, SEED } from "./stanceSet.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";

/** The seed essay's subject: no template, example or default may name it when it is not loaded. */
const SEED_WORDS = /russia|ukrain|kyiv|moscow|minsk|bucha|nato|kofman|mearsheimer|istanbul|peace|grain deal|trust deficit|territor|the same war/i;

const texts = (command: CommandDefinition) => [command.description, command.usage, ...command.options.map((option) => option.description)];

describe("examples in /help, the Slack manifest and Discord's commands", () => {
  it("stay generic when no document is loaded", () => {
    for (const command of commandsFor()) {
      for (const text of texts(command)) {
        expect(text, `/${command.name}`).not.toMatch(SEED_WORDS);
        expect(text, `/${command.name}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("come from the document loaded, and name nothing of another", async () => {
    const knowledge = await knowledgeOf(SECOND);
    const commands = createCommandRegistry(() => knowledge).list();
    const help = await createCommandRegistry(() => knowledge).run({ command: "help", user: { id: "U1" }, platform: slackTraits });
    const shown = help.fields!.map((field) => `${field.label} ${field.value}`).join("\n");
    expect(shown).toContain("levinson vs manville");
    expect(shown).not.toMatch(SEED_WORDS);
    const manifest = JSON.stringify(buildSlackManifest(commands));
    expect(manifest).toContain("levinson vs manville");
    expect(manifest).not.toMatch(SEED_WORDS);
    const discord = buildDiscordCommands(commands) as Array<{ name: string; description: string; options?: Array<{ description: string }> }>;
    const compare = discord.find((command) => command.name === "compare")!;
    expect(compare.description).toContain("levinson vs manville");
    for (const command of discord) {
      expect(JSON.stringify(command)).not.toMatch(SEED_WORDS);
      for (const option of command.options ?? []) expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("use the loaded document's own examples in a reply asking for input", async () => {
    const knowledge = await knowledgeOf(SECOND);
    const registry = createCommandRegistry(() => knowledge);
    const compare = await registry.run({ command: "compare", text: "levinson vs zzqx", user: { id: "U1" }, platform: consoleTraits });
    expect(compare.text).toMatch(/for example: \/compare levinson vs manville/);
    const audit = await registry.run({ command: "audit", text: "", user: { id: "U1" }, platform: consoleTraits });
    expect(audit.text).not.toMatch(SEED_WORDS);
  });
});

describe("debate wording", () => {
  it("frames no warm-up question as one side's hope, and assumes no subject", async () => {
    for (const folder of [SEED, SECOND]) {
      const knowledge = await knowledgeOf(folder);
      for (const prompt of warmUpPrompts(debateMaterialOf(knowledge.documents[0]!))) {
        expect(prompt.question).not.toMatch(/promising|hope|peace|talks|war\b/i);
      }
    }
  });

  it("says where a motion comes from in words that read after 'drawn from'", async () => {
    const knowledge = await knowledgeOf(SEED);
    const reply = await createCommandRegistry(() => knowledge).run({ command: "debate", args: { motion: "0" }, user: { id: "U1" }, platform: consoleTraits });
    expect(reply.text).toMatch(/drawn from the document's topic file\./);
  });

  it("never cuts a derived motion off, and derives none from a reported fact", async () => {
    for (const folder of [SEED, SECOND]) {
      const knowledge = await knowledgeOf(folder);
      for (const motion of findMotions(debateMaterialOf(knowledge.documents[0]!))) {
        expect(motion.statement).toMatch(/^This house believes that [^…]+\.$/);
      }
    }
    const reported = parseDocument("report", "report.txt", "Report\nThe council introduced a levy in 2006 and traffic across the boundary fell by a fifth.");
    expect(motionStatement(reported.passages[0]!.text, reported)).toBeNull();
  });

  it("keeps a name's capital in a motion, and lowers a common opening word", () => {
    const text = [
      "Water Rights on the Nile",
      "Egypt should accept a shared authority over the dam, because the river cannot be managed alone.",
      "The talks between the three states will fail without a neutral arbiter.",
      "Observers note that negotiations have stalled.",
    ].join("\n");
    const document = parseDocument("nile", "nile.txt", text);
    const knowledge = new KnowledgeBase([document]);
    const [egypt, talks] = knowledge.documents[0]!.passages.map((passage) => motionStatement(passage.text, document));
    expect(egypt).toBe("This house believes that Egypt should accept a shared authority over the dam.");
    expect(talks).toBe("This house believes that the talks between the three states will fail without a neutral arbiter.");
  });

  it("pairs two sources in a rebuttal question only when the text sets one against the other", async () => {
    const knowledge = await knowledgeOf(SECOND);
    const registry = createCommandRegistry(() => knowledge);
    const first = await registry.run({ command: "debate", args: { topic: "regressive", motion: "0" }, user: { id: "U1" }, platform: consoleTraits });
    const questions = first.fields!.find((field) => field.label === "Rebuttal questions")!.value;
    expect(questions).toMatch(/The text sets Levinson \(2010\) against Manville \(2019\)/);
    for (const folder of [SEED, SECOND]) {
      const kb = await knowledgeOf(folder);
      const total = Number(/of (\d+)/.exec((await createCommandRegistry(() => kb).run({ command: "debate", user: { id: "U1" }, platform: consoleTraits })).text!)![1]);
      for (let i = 0; i < total; i++) {
        const reply = await createCommandRegistry(() => kb).run({ command: "debate", args: { motion: String(i) }, user: { id: "U1" }, platform: consoleTraits });
        const value = reply.fields!.find((field) => field.label === "Rebuttal questions")!.value;
        expect(value).not.toMatch(/read the same war differently/);
        // Outlets cited for plain facts (a news agency) are never made into rivals.
        expect(value).not.toMatch(/The text sets (BBC|Reuters|ISW|Financial Times)/);
      }
    }
  });
});
