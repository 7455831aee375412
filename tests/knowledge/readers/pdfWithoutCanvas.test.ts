/**
 * pdf.js's optional native dependency (@napi-rs/canvas) may be missing from an install (`--omit=optional`, or a
 * platform with no prebuilt binary): PDFs must still read. A child process hides the package from Node's
 * resolver, as a missing install would, and reads a PDF typeset here.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typesetPdf } from "./typesetPdf.js";

const run = promisify(execFile);
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "gt-nocanvas-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const HIDE_CANVAS = `
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith("@napi-rs/canvas")) {
    const error = new Error("Cannot find module '" + request + "'");
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
`;

describe("PDF reading without @napi-rs/canvas", () => {
  it("reads a typeset PDF's text and pages with the package hidden", async () => {
    const pdf = await typesetPdf({ title: "Canal Study", columns: 2, pageNumbers: true, blocks: [{ heading: "Locks" }, { paragraph: "The locks were rebuilt in 1920 after the flood, and the canal opened again in 1925." }] });
    await writeFile(path.join(folder, "canal.pdf"), pdf.bytes);
    await writeFile(path.join(folder, "hide-canvas.cjs"), HIDE_CANVAS);
    const reader = path.resolve("src/knowledge/readers/index.ts");
    const script = `
      const { readerFor } = await import(${JSON.stringify(reader)});
      const { readFileSync } = await import("node:fs");
      const file = ${JSON.stringify(path.join(folder, "canal.pdf"))};
      const read = await readerFor(file).read(new Uint8Array(readFileSync(file)), "canal.pdf");
      let hidden = false;
      try { (await import("node:module")).createRequire(import.meta.url).resolve("@napi-rs/canvas"); } catch { hidden = true; }
      process.stdout.write("RESULT " + JSON.stringify({ hidden, text: read.text, pages: read.pages }));
    `;
    const { stdout } = await run(process.execPath, ["--require", path.join(folder, "hide-canvas.cjs"), "--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd() });
    const result = JSON.parse(stdout.slice(stdout.indexOf("RESULT ") + 7));
    expect(result.hidden).toBe(true);
    expect(result.text).toContain("The locks were rebuilt in 1920 after the flood, and the canal opened again in 1925.");
    expect(result.pages).toEqual([{ page: 1, offset: expect.any(Number) }]);
  }, 60_000);
});
