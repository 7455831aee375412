import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");

async function cli(script: string, args: string[], input?: string) {
  const child = run(TSX, [`src/cli/${script}.ts`, ...args], { env: { ...process.env, KNOWLEDGE_DIR: "" } });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
}

describe("npm run ask (the CLI contract)", () => {
  const empty = mkdtempSync(path.join(tmpdir(), "gt-cli-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it("--json prints one object with results best first, each with text, document, section, citations and score", async () => {
    const { stdout } = await cli("ask", ["--json", "Who brokered the grain deal?"]);
    const answer = JSON.parse(stdout);
    expect(answer.query).toBe("Who brokered the grain deal?");
    const [first] = answer.results;
    expect(first.text).toContain("grain deal brokered by Turkey and the UN");
    expect(first.document).toBe("russia-ukraine-peace-talks");
    expect(first.section).toBe("The Diplomatic Charade: A History of Failed Negotiations");
    expect(first.citations).toEqual([{ author: "Reuters", year: "2023", reference: null }]);
    expect(typeof first.score).toBe("number");
    const scores = answer.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("--batch answers one query per line with one JSON object per line, in one process", async () => {
    const { stdout } = await cli("ask", ["--batch"], "minks\nmershimer\n\n/cite bbc\n");
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0].results[0].text).toContain("Minsk accords");
    expect(lines[1].results[0].citations).toContainEqual({
      author: "Mearsheimer",
      year: "2014",
      reference: "Mearsheimer, J. (2014). Foreign Affairs.",
    });
    // A /command prints that command's neutral reply.
    expect(lines[2].title).toMatch(/BBC/);
    expect(JSON.stringify(lines[2])).toMatch(/no title or venue/);
  });

  it("prints a readable answer, and uses --knowledge for the folder", async () => {
    const { stdout } = await cli("ask", ["/source minsk"]);
    expect(stdout).toContain("Russia has violated multiple agreements, from the Minsk accords (2014-2015)");
    writeFileSync(path.join(empty, "water.md"), "# Water\nDams upstream change lives downstream (Gleick, 2014).\n");
    const other = await cli("ask", ["--json", "--knowledge", empty, "dams"]);
    expect(JSON.parse(other.stdout).results[0].text).toContain("Dams upstream");
  });

  it("answers an empty question with a message, not an exception", async () => {
    const { stdout } = await cli("ask", ["--json", "   "]);
    expect(JSON.parse(stdout)).toMatchObject({ results: [], message: expect.stringMatching(/empty/) });
  });
});

describe("npm run knowledge -- --json", () => {
  it("prints the parsed model", async () => {
    const { stdout } = await cli("knowledge", ["--json"]);
    const [document] = JSON.parse(stdout).documents;
    expect(document.id).toBe("russia-ukraine-peace-talks");
    expect(document.title).toBe("Russia Ukraine Peace Talks");
    expect(document.sections).toContainEqual({ heading: "Thesis Statement" });
    expect(document.passages[0]).toEqual({ text: expect.any(String), section: expect.any(String) });
    expect(document.citations).toContainEqual({
      author: "Kofman",
      year: "2023",
      inReferenceList: true,
      reference: "Kofman, M. (2023). War on the Rocks.",
      passages: 1,
    });
    expect(document.citations).toContainEqual({ author: "Sakwa", year: "2023", inReferenceList: false, reference: null, passages: 1 });
    expect(document.problems).toHaveLength(5);
  });
});
