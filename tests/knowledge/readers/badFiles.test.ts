/**
 * PDFs and Word files that cannot be read are reported by name with the reason a maintainer can act on (in
 * the load's errors, in /docs and in the log), and every other document still loads.
 */
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { slackTraits } from "../../../src/platforms/slack/traits.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../../src/commands/index.js";
import { loadKnowledge, type KnowledgeBase } from "../../../src/knowledge/index.js";
import { pdfReader } from "../../../src/knowledge/readers/pdfReader.js";
import { createLogger } from "../../../src/logger.js";
import { KnowledgeStore } from "../../../src/app/knowledgeStore.js";
import { ENCRYPTED_TEXT, encryptedPdf, partlyScannedPdf, pdfFromLines, scannedPdf, wordDocument } from "./fixtures.js";

const ESSAY = "knowledge/russia-ukraine-peace-talks.txt";

/** Each bad file and the reason it must be reported with. */
const BROKEN: Record<string, RegExp> = {
  "scanned.pdf": /no text layer.*OCR/,
  "encrypted.pdf": /encrypted with a password/,
  "corrupt.pdf": /PDF is damaged/,
  "not-really.pdf": /not a PDF/,
  "huge.pdf": /51\.0 MB; PDF documents are limited to 50\.0 MB/,
  "corrupt.docx": /Word document is damaged/,
  "locked.docx": /password-protected or in the old \.doc format/,
  "empty.html": /no readable text/,
};

let dir: string;
let knowledge: KnowledgeBase;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gt-bad-formats-"));
  copyFileSync(ESSAY, path.join(dir, "russia-ukraine-peace-talks.txt"));
  writeFileSync(path.join(dir, "rivers.pdf"), await pdfFromLines([[{ text: "A readable PDF about shared rivers and their dams.", x: 72, y: 700 }]]));
  writeFileSync(path.join(dir, "canals.docx"), await wordDocument([{ title: "Readable Word" }, { paragraph: "A readable Word document about canals and locks." }]));
  writeFileSync(path.join(dir, "scanned.pdf"), await scannedPdf());
  writeFileSync(path.join(dir, "encrypted.pdf"), encryptedPdf());
  // A PDF header, then bytes that are no PDF structure at all.
  writeFileSync(path.join(dir, "corrupt.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))]));
  writeFileSync(path.join(dir, "not-really.pdf"), "This is a text file someone named .pdf.\n");
  // Sparse: its size is over the limit without writing 51 MB.
  writeFileSync(path.join(dir, "huge.pdf"), "%PDF-1.7\n");
  truncateSync(path.join(dir, "huge.pdf"), 51 * 1024 * 1024);
  writeFileSync(path.join(dir, "corrupt.docx"), Buffer.from("PK\u0003\u0004 not really a zip archive"));
  // How an encrypted .docx (and an old .doc) starts: an OLE compound file, not a ZIP.
  writeFileSync(path.join(dir, "locked.docx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  writeFileSync(path.join(dir, "empty.html"), "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>");
  knowledge = await loadKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("unreadable PDFs and Word files", () => {
  it("are reported by name with their reason", () => {
    expect(knowledge.errors.map((error) => error.file).sort()).toEqual(Object.keys(BROKEN).sort());
    for (const error of knowledge.errors) expect(error.message).toMatch(BROKEN[error.file]!);
  });

  it("leave every other document loaded and answering", () => {
    expect(knowledge.documents.map((document) => document.file).sort()).toEqual(["canals.docx", "rivers.pdf", "russia-ukraine-peace-talks.txt"]);
    expect(knowledge.search("minsk").hits[0]!.passage.text).toContain("Minsk accords");
    expect(knowledge.search("dams").hits[0]!.passage.text).toContain("shared rivers and their dams");
    expect(knowledge.search("canals locks").hits[0]!.passage.text).toContain("canals and locks");
  });

  it("are listed in /docs, each with its file name and reason", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const reply = await registry.run({ command: "docs", user: { id: "U1" }, platform: slackTraits });
    const failed = reply.fields!.find((field) => field.label === "Could not load")!.value;
    for (const [file, reason] of Object.entries(BROKEN)) expect(failed).toMatch(new RegExp(`${file.replace(".", "\\.")}: .*${reason.source}`));
  });

  it("are logged, one line each with the file and the reason, when the running bot loads the folder", async () => {
    const logged: Array<{ msg: string; file?: string; reason?: string }> = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n")) if (line) logged.push(JSON.parse(line));
        done();
      },
    });
    const store = await KnowledgeStore.open(dir, { logger: createLogger({ level: "info", destination }), watch: false });
    await store.close();
    const failures = logged.filter((entry) => entry.msg === "a knowledge file failed to load");
    expect(Object.fromEntries(failures.map((entry) => [entry.file, entry.reason]))).toEqual(
      Object.fromEntries(Object.entries(BROKEN).map(([file, reason]) => [file, expect.stringMatching(reason)])),
    );
  });
});

describe("the fixtures are what they claim", () => {
  it("the encrypted PDF opens with its password and holds text", async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(encryptedPdf()), password: "secret", verbosity: 0 }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    expect(content.items.map((item) => ("str" in item ? item.str : "")).join("")).toBe(ENCRYPTED_TEXT);
    await pdf.destroy();
  });

  it("the scanned PDF has pages and pictures but no text", async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(await scannedPdf(2)), verbosity: 0 }).promise;
    expect(pdf.numPages).toBe(2);
    const page = await pdf.getPage(1);
    expect((await page.getTextContent()).items).toEqual([]);
    const operators = await page.getOperatorList();
    expect(operators.fnArray).toContain(pdfjs.OPS.paintImageXObject);
    await pdf.destroy();
  });
});

it("a PDF with some scanned pages loads, and says which pages cannot be quoted", async () => {
  const extracted = await pdfReader.read(await partlyScannedPdf("The first page has its text."), "partly.pdf");
  expect(extracted.text).toBe("The first page has its text.");
  expect(extracted.warnings).toEqual(["p. 2 of the PDF has no text layer (scanned?), so nothing on it can be quoted"]);
});
