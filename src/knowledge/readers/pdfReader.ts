import { createRequire } from "node:module";
import path from "node:path";
import { englishLexicon } from "../lexicon.js";
import { layOutPdf, type PdfPageText, type TextRun } from "./pdfLayout.js";
import type { DocumentReader } from "./types.js";

/** A PDF's signature must appear in its first kilobyte. */
const PDF_SIGNATURE = "%PDF-";
const SIGNATURE_WINDOW = 1024;
/** pdf.js's logging level for errors only: a damaged file is reported once, by the loader. */
const ERRORS_ONLY = 0;

/**
 * pdf.js builds a `DOMMatrix` when its module loads, taking the class from its optional native dependency
 * `@napi-rs/canvas` (for rendering, which reading text never does). Where that package is absent (an install
 * with `--omit=optional`, or a platform it has no binary for), an inert stand-in lets the module load; text
 * extraction works on arrays and never uses it.
 */
function provideDomMatrix(): void {
  if ((globalThis as { DOMMatrix?: unknown }).DOMMatrix) return;
  try {
    createRequire(import.meta.url).resolve("@napi-rs/canvas");
    return; // pdf.js installs the real one itself
  } catch {
    (globalThis as { DOMMatrix?: unknown }).DOMMatrix = class DOMMatrixStandIn {
      a = 1;
      b = 0;
      c = 0;
      d = 1;
      e = 0;
      f = 0;
    };
  }
}

/**
 * Text-based PDFs, through Mozilla's pdf.js (`pdfjs-dist`, legacy build for Node): every passage knows its
 * page. A scanned PDF (images, no text layer), an encrypted or a damaged one is refused with the reason.
 */
export const pdfReader: DocumentReader = {
  format: "PDF",
  extensions: [".pdf"],
  // Scans and pictures make PDFs large; 50 MB holds any text-based book-length PDF.
  maxBytes: 50 * 1024 * 1024,
  async read(bytes) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, SIGNATURE_WINDOW));
    if (!head.includes(PDF_SIGNATURE)) throw new Error("the file is not a PDF (it has no %PDF header): it is damaged or of another kind");
    provideDomMatrix();
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const assets = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    const task = pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      verbosity: ERRORS_ONLY,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // Fonts in CJK PDFs name Adobe's character maps, without which their text has no Unicode.
      cMapUrl: `${path.join(assets, "cmaps")}${path.sep}`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(assets, "standard_fonts")}${path.sep}`,
    });
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      await task.destroy();
      throw describePdfError(error);
    }
    try {
      const pages: PdfPageText[] = [];
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        const [x0, y0, , y1] = page.view as [number, number, number, number];
        const content = await page.getTextContent();
        const runs: TextRun[] = [];
        for (const item of content.items) {
          if (!("str" in item) || item.str === "") continue;
          const [a, b, c, d, e, f] = item.transform as number[];
          // Text turned on its side (a margin note, an arXiv stamp) is not part of the reading flow.
          if (Math.abs(b!) > Math.abs(a!) * 0.01 || Math.abs(c!) > Math.abs(d!) * 0.01) continue;
          runs.push({ text: item.str, x: e! - x0, y: f! - y0, width: item.width, size: Math.abs(d!) });
        }
        pages.push({ page: number, height: y1 - y0, runs });
        page.cleanup();
      }
      const empty = pages.filter((page) => !page.runs.some((run) => /[\p{L}\p{N}]/u.test(run.text))).map((page) => page.page);
      if (empty.length === pages.length) {
        throw new Error("the PDF has no text layer (a scan, or pictures of pages); run it through OCR and save it with its text");
      }
      const extracted = layOutPdf(pages, (word) => englishLexicon().has(word));
      if (empty.length > 0) {
        extracted.warnings = [`${describePages(empty)} of the PDF ${empty.length === 1 ? "has" : "have"} no text layer (scanned?), so nothing on ${empty.length === 1 ? "it" : "them"} can be quoted`];
      }
      return extracted;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("the PDF")) throw error;
      throw describePdfError(error);
    } finally {
      await pdf.destroy();
    }
  },
};

/** pdf.js's exceptions in words a maintainer can act on. */
function describePdfError(error: unknown): Error {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return new Error("the PDF is encrypted with a password; save a copy without one");
  return new Error(`the PDF is damaged and cannot be read (${message || name || "unknown error"})`);
}

/** `p. 3`, `pp. 1, 4–6`. */
function describePages(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return `${pages.length === 1 ? "p." : "pp."} ${ranges.join(", ")}`;
}
