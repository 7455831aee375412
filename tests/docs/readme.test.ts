import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedCommandTable, generatedSession, generatedThread, readmeBlock, SESSION_LINES, THREAD_LINES } from "./readmeBlocks.js";
import { createCommandRegistry, renderCommandTable } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { SSL_CHECK_BODY_LIMIT_BYTES } from "../../src/platforms/slack/verify.js";
import { MAX_BUFFERED_BODY_BYTES, MAX_CONNECTIONS } from "../../src/http/connectionGuard.js";
import { HEADERS_TIMEOUT_MS, MAX_BODY_BYTES, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS } from "../../src/http/createHttpServer.js";
import { MAX_RATE_LIMIT } from "../../src/app/parseRateLimit.js";

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

  it("shows a conversation thread exactly as the console answers it today", async () => {
    const thread = await generatedThread();
    expect(readmeBlock(readme, "thread"), regenerate).toBe(thread);
    for (const line of THREAD_LINES) expect(thread).toContain(`> ${line}\n`);
    expect(thread).toContain("Sources of the last answer");
  });

  it("names the status each refusal really gets (tests/reliability/signatures.test.ts sends them)", () => {
    const security = readme.slice(readme.indexOf("## Security"), readme.indexOf("## Development"));
    expect(security).toMatch(/`v0=` HMAC-SHA256 of `v0:\{timestamp\}:\{raw body\}` not matching: 401/);
    expect(security).toMatch(/Ed25519 signature not matching: 401/);
    expect(security).toMatch(/an interaction id already answered: 409/);
    expect(security).toMatch(/`Content-Length` over 1 MB\s+gets 413/);
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

  it("states the Security section's limits as the code sets them", () => {
    const security = /## Security\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
    expect(security).toContain(`more than ${MAX_CONNECTIONS} open connections`);
    expect(security).toContain(`headers take over ${HEADERS_TIMEOUT_MS / 1000} s`);
    expect(security).toContain(`whole body takes over ${REQUEST_TIMEOUT_MS / 1000} s`);
    expect(TIMEOUT_CHECK_INTERVAL_MS).toBe(1000);
    expect(security).toContain("checked every second");
    expect(security).toContain(`over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    expect(security).toContain(`(${MAX_BUFFERED_BODY_BYTES / 1024 / 1024} MB, all connections`);
    expect(security).toContain(`at most ${SSL_CHECK_BODY_LIMIT_BYTES} bytes`);
    expect(security).toContain(`at most ${MAX_RATE_LIMIT} per window`);
    for (const status of ["401", "408", "409", "413", "415", "400", "503"]) expect(security).toContain(status);
  });
});
