/** `npm run knowledge -- --text <document>` shows what a reader extracted: the text every quote is a substring of. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfFromLines } from "./fixtures.js";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const knowledgeCli = (args: string[]) => run(TSX, ["src/bin/knowledge.ts", ...args], { env: { ...process.env, KNOWLEDGE_DIR: "" } });

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gt-cli-text-"));
  const line = (text: string, y: number) => ({ text, x: 72, y });
  writeFileSync(
    path.join(dir, "Basin Report.pdf"),
    await pdfFromLines([[line("The commission met after the drought.", 700)], [line("The gates were rebuilt in a summer.", 700), line("7", 40)]]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each call starts tsx and loads the readers cold: seconds on a quiet machine, many more on a busy CI runner.
describe("npm run knowledge -- --text", { timeout: 60_000 }, () => {
  it("prints the extracted text of a document named by id or by file name", async () => {
    const byId = await knowledgeCli(["--knowledge", dir, "--text", "basin-report"]);
    // One paragraph running over the page break: the page's last line does not end short of the column.
    expect(byId.stdout).toBe("The commission met after the drought. The gates were rebuilt in a summer.\n");
    const byFile = await knowledgeCli(["--knowledge", dir, "--text", "Basin Report.pdf"]);
    expect(byFile.stdout).toBe(byId.stdout);
  });

  it("with --json, adds the page map", async () => {
    const { stdout } = await knowledgeCli(["--json", "--knowledge", dir, "--text", "basin-report"]);
    const extracted = JSON.parse(stdout);
    expect(extracted).toEqual({
      file: "Basin Report.pdf",
      text: "The commission met after the drought. The gates were rebuilt in a summer.",
      pages: [
        { page: 1, offset: 0 },
        { page: 2, offset: 38 },
      ],
    });
  });

  it("and the parsed model gives each passage its pages", async () => {
    const { stdout } = await knowledgeCli(["--json", "--knowledge", dir]);
    expect(JSON.parse(stdout).documents[0].passages).toEqual([
      { text: "The commission met after the drought. The gates were rebuilt in a summer.", section: "basin-report", page: 1, pageEnd: 2 },
    ]);
  });

  it("names a document that is not there, and exits 1", async () => {
    await expect(knowledgeCli(["--knowledge", dir, "--text", "nope"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no document "nope"'),
    });
  });
});
