import { beforeAll, describe, expect, it } from "vitest";
import { commandsFor, renderCommandTable } from "../../src/commands/index.js";
import { loadBot, type Bot } from "./loadRegistry.js";

let bot: Bot;
beforeAll(async () => {
  bot = await loadBot();
});

describe("command definitions", () => {
  it("fit Slack's and Discord's rules for names, descriptions and options", () => {
    const commands = bot.registry.list();
    expect(commands.length).toBeLessThanOrEqual(100);
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options.length).toBeLessThanOrEqual(25);
      expect(command.options.filter((option) => option.main).length).toBeLessThanOrEqual(1);
      for (const option of command.options) {
        expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("offer autocomplete where a name is typed", () => {
    const completion = (command: string, option: string) =>
      bot.registry.get(command)?.options.find((o) => o.name === option)?.autocomplete;
    expect(completion("source", "name")).toBe("terms");
    expect(completion("cite", "source")).toBe("sources");
    expect(completion("section", "heading")).toBe("sections");
    for (const command of ["ask", "source", "cite", "thesis", "section", "why-stalled"]) {
      expect(completion(command, "document"), command).toBe("documents");
    }
    expect(bot.registry.get("ask")?.options.find((o) => o.name === "for")?.kind).toBe("user");
    expect(bot.registry.get("source")?.options.find((o) => o.name === "for")?.kind).toBe("user");
  });

  it("include the debate commands and, once knowledge is loaded, the topic commands", () => {
    const names = commandsFor().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["ask", "source", "cite", "thesis", "section", "docs", "help", "context"]));
    expect(names).toEqual(expect.arrayContaining(["debate", "counter", "compare", "teams", "timer", "prompt", "audit"]));
    expect(names).not.toContain("why-stalled");
    expect(bot.registry.list().map((c) => c.name)).toContain("why-stalled");
  });
});

describe("renderCommandTable", () => {
  it("lists every command with its usage and description as a markdown table", () => {
    const table = renderCommandTable(bot.registry.list());
    const lines = table.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual(["| Command | What it does |", "| --- | --- |"]);
    expect(lines).toHaveLength(bot.registry.list().length + 2);
    expect(table).toContain("| `/source <name or term> [for: @person] [document: name]` | Where the document speaks of a name or term");
    expect(table).toContain("| `/why-stalled [document: name]` | Why the peace talks are stalled");
  });

  it("escapes pipes so a usage cannot break the table", () => {
    const table = renderCommandTable([{ name: "x", description: "a | b", usage: "<p|q>", options: [], handler: () => ({ title: "", quotes: [], visibility: "private" }) }]);
    expect(table).toContain("| `/x <p\\|q>` | a \\| b |");
  });
});
