import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCommandRegistry, renderCommandTable } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("lists exactly the registered commands, as the registry describes them", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const table = renderCommandTable(createCommandRegistry(() => knowledge).list());
    const documented = /<!-- commands:start -->\n([\s\S]*?)<!-- commands:end -->/.exec(readme)?.[1];
    expect(documented).toBe(table);
  });

  it("names the two commands a newcomer needs, first", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toContain("npm install && npm start");
    expect(firstBlock).toContain("npm test");
  });

  it("documents every variable in .env.example", () => {
    const variables = [...readFileSync(".env.example", "utf8").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(readme).toContain(`\`${variable}\``);
  });

  it("names only npm scripts that exist", () => {
    const scripts = Object.keys(JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>);
    for (const [, script] of readme.matchAll(/npm run (?:--silent )?([a-z:]+)/g)) expect(scripts).toContain(script);
  });
});
