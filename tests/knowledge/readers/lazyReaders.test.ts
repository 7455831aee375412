/**
 * The readers' libraries (pdf.js, mammoth, Readability) are heavy: they load when a document needs them, not
 * when the bot or the console starts. Checked in a fresh process, before and after loading a PDF and a
 * Word document.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pdfFromLines, wordDocument } from "./fixtures.js";

const run = promisify(execFile);

/** Which reader libraries a process has loaded: pdf.js sets a global, mammoth and Readability are CommonJS. */
const PROBE = `
import { createRequire } from "node:module";
const loaded = () => ({
  pdfjs: "pdfjsLib" in globalThis,
  mammoth: Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes("/mammoth/")),
});
const { loadKnowledge } = await import("./src/knowledge/index.ts");
await loadKnowledge("knowledge");
const atStart = loaded();
const knowledge = await loadKnowledge(process.argv[1]);
console.log(JSON.stringify({ atStart, afterDocuments: loaded(), errors: knowledge.errors }));
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gt-lazy-"));
  writeFileSync(path.join(dir, "report.pdf"), await pdfFromLines([[{ text: "A short report on the canal.", x: 72, y: 700 }]]));
  writeFileSync(path.join(dir, "minutes.docx"), await wordDocument([{ paragraph: "Short minutes of the meeting." }]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("loads no reader library until a document of its format is read", async () => {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", PROBE, dir]);
  expect(JSON.parse(stdout)).toEqual({
    atStart: { pdfjs: false, mammoth: false },
    afterDocuments: { pdfjs: true, mammoth: true },
    errors: [],
  });
});
