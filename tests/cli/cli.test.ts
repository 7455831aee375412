import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");

async function cli(script: string, args: string[], input?: string) {
  const child = run(TSX, [`src/bin/${script}.ts`, ...args], { env: { ...process.env, KNOWLEDGE_DIR: "" } });
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

  it("--batch answers one query per line with exactly one JSON object per line, blank lines included", async () => {
    const { stdout } = await cli("ask", ["--batch"], "minks\nmershimer\n\n/cite bbc\n   \n");
    const lines = stdout.split("\n").slice(0, -1).map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0].results[0].text).toContain("Minsk accords");
    expect(lines[1].results[0].citations).toContainEqual({
      author: "Mearsheimer",
      year: "2014",
      reference: "Mearsheimer, J. (2014). Foreign Affairs.",
    });
    // A blank line gets its own answer, so output line n answers input line n.
    expect(lines[2]).toMatchObject({ query: "", results: [], confidence: "none", message: expect.stringMatching(/empty/) });
    // A /command prints that command's neutral reply.
    expect(lines[3].title).toMatch(/BBC/);
    expect(JSON.stringify(lines[3])).toMatch(/no title or venue/);
    expect(lines[4]).toMatchObject({ results: [], confidence: "none" });
  });

  it("--json says how far the passages answer, which words no document uses, and which sentence answered", async () => {
    const { stdout } = await cli("ask", ["--batch"], [
      "What did Ukraine offer in exchange for security guarantees?",
      "What sanctions have been imposed on Russia?",
      "What is the population of Crimea?",
      "What is the main argument of the essay?",
    ].join("\n"));
    const [strong, weak, none, thesis] = stdout.trim().split("\n").map((line) => JSON.parse(line));
    // The document says "proposing", not "offer": the answer is strong, and the word is still named.
    expect(strong).toMatchObject({ confidence: "strong", unmatched: ["offer"], answeredFrom: "search" });
    expect(strong.results[0].sentence).toMatch(/^Early talks in Belarus and Turkey .* troop withdrawals\.$/);
    expect(strong.results[0].text).toContain(strong.results[0].sentence);
    expect(weak).toMatchObject({ confidence: "weak", unmatched: ["sanctions", "imposed"] });
    expect(none).toMatchObject({ confidence: "none", unmatched: ["population", "Crimea"], message: "No document mentions population, Crimea." });
    expect(thesis).toMatchObject({ confidence: "strong", answeredFrom: "thesis" });
    expect(thesis.results[0].text).toContain("peace talks remain deadlocked");
  });

  it("prints a readable answer with as many passages as --limit asks for", async () => {
    const count = (text: string) => text.match(/^\[\d+\]/gm)?.length ?? 0;
    const five = await cli("ask", ["--limit", "5", "why did the talks fail"]);
    const one = await cli("ask", ["--limit", "1", "why did the talks fail"]);
    expect(count(five.stdout)).toBe(5);
    expect(count(one.stdout)).toBe(1);
    expect(one.stdout).toContain("Passages 1-1 of");
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
