import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedCommandTable, generatedSession, readmeBlock, SESSION_LINES } from "./readmeBlocks.js";

const readme = readFileSync("README.md", "utf8");
const regenerate = "run `npm run readme` to regenerate it";

describe("README", () => {
  it("lists exactly the registered commands, as the registry describes them", async () => {
    expect(readmeBlock(readme, "commands"), regenerate).toBe(await generatedCommandTable());
  });

  it("shows a session exactly as the console prints it today", async () => {
    const session = await generatedSession();
    expect(readmeBlock(readme, "session"), regenerate).toBe(session);
    // A real run: every line typed, each answered with a quote.
    for (const line of SESSION_LINES) expect(session).toContain(`> ${line}\n`);
    expect(session.match(/^\[1\] /gm)).toHaveLength(SESSION_LINES.length);
  });

  it("names the status each refusal really gets (tests/reliability/signatures.test.ts sends them)", () => {
    const security = readme.slice(readme.indexOf("## Security"), readme.indexOf("## Development"));
    expect(security).toMatch(/bad or stale signature gets 401/);
    expect(security).toMatch(/interaction id seen before gets 409/);
    expect(security).toMatch(/over 1 MB get 413/);
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
