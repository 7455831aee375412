import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBot } from "../commands/loadRegistry.js";
import { buildSlackManifest } from "../../src/platforms/slack/buildSlackManifest.js";
import { buildDiscordCommands } from "../../src/platforms/discord/buildDiscordCommands.js";

/**
 * Nothing in src/ may be written for one essay: no comment, example, template or default names the first
 * document's subject. Its words belong in knowledge/ and tests/ only.
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const SEED_WORDS = [
  "russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "putin", "zelensky",
  "minsk", "istanbul", "crimea", "donbas", "donbass", "nato", "mearsheimer", "kofman", "bucha", "kremlin", "moscow",
];
/** Whole words, any case; "peace talks" also as one hyphenated id. */
const SEED = new RegExp(`\\b(?:${SEED_WORDS.join("|")}|peace[- ]talks)\\b`, "i");

/** `file:line: text` for every line of the given files that names the seed's subject. */
function seedLines(files: ReadonlyArray<{ name: string; text: string }>): string[] {
  return files.flatMap(({ name, text }) =>
    text.split("\n").flatMap((line, i) => (SEED.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
  );
}

function filesUnder(folder: string): Array<{ name: string; text: string }> {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: relative(repositoryRoot, path), text: readFileSync(path, "utf8") };
    });
}

describe("no seed subject in src/", () => {
  it("no file under src/ names it", () => {
    expect(seedLines(filesUnder(join(repositoryRoot, "src")))).toEqual([]);
  });

  it("would report a line that did", () => {
    const planted = [
      { name: "src/a.ts", text: "const x = 1;\n/** `/source Minsk` */\n" },
      { name: "src/b.ts", text: "// the peace-talks essay\nconst y = 'Natal';\n" },
    ];
    expect(seedLines(planted)).toEqual(["src/a.ts:2: /** `/source Minsk` */", "src/b.ts:1: // the peace-talks essay"]);
  });
});

describe("no seed subject in what the bot says of itself when another document is loaded", () => {
  const folders = {
    "another document": join(repositoryRoot, "tests/fixtures/judged"),
    "no document": mkdtempSync(join(tmpdir(), "ground-truth-empty-")),
  };
  for (const [what, folder] of Object.entries(folders)) {
    it(`${what}: /help, every command with nothing typed, the Slack manifest and Discord's commands`, async () => {
      const bot = await loadBot(folder);
      const commands = bot.registry.list();
      const said = [
        { name: "slack manifest", text: JSON.stringify(buildSlackManifest(commands)) },
        { name: "discord commands", text: JSON.stringify(buildDiscordCommands(commands)) },
      ];
      for (const command of commands) {
        said.push({ name: `/${command.name}`, text: JSON.stringify(await bot.run(command.name, "")) });
      }
      expect(said.map(({ name }) => name)).toContain("/help");
      expect(seedLines(said)).toEqual([]);
      if (what === "no document") rmSync(folder, { recursive: true, force: true });
    });
  }
});
