import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "./parseDocument.js";
import { assignPages, documentExtensions, readerFor, type ExtractedText } from "./readers/index.js";
import type { KnowledgeDocument } from "./types.js";

/*
 * Reading and parsing one document file, apart from the index, so the parser's worker thread (parseWorker.ts)
 * loads only what parsing needs.
 */

/** `River Basin Water-Wars.txt` → `river-basin-water-wars`. */
export function documentIdOf(file: string): string {
  return (
    path
      .basename(file, path.extname(file))
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "document"
  );
}

/**
 * What parsing one file gives: the document and the hash of the bytes it was parsed from, or `unchanged` when
 * the bytes hash to `knownHash` (the cached document stands).
 */
export type ParsedFile = { document: KnowledgeDocument; hash: string; unchanged?: undefined } | { unchanged: true; hash: string; document?: undefined };

/**
 * Reads, hashes and parses one document file. The knowledge store runs this in a worker thread (parseWorker.ts)
 * so a reload never holds the event loop; `loadKnowledge` runs it in-line.
 */
export type ParseFile = (directory: string, file: string, knownHash?: string) => Promise<ParsedFile>;

/**
 * The text of one document file, as its format's reader extracts it: what the parser indexes and every quote
 * is a substring of. Every failure names what is wrong with the file, so the other documents can still load
 * and a maintainer knows which file to fix.
 */
export async function readDocument(directory: string, file: string): Promise<ExtractedText> {
  const { bytes, reader } = await readDocumentBytes(directory, file);
  return reader.read(bytes, file);
}

async function readDocumentBytes(directory: string, file: string): Promise<{ bytes: Buffer; reader: NonNullable<ReturnType<typeof readerFor>> }> {
  const reader = readerFor(file);
  if (!reader) throw new Error(`not a document: the knowledge folder reads ${documentExtensions()} files`);
  const info = await stat(path.join(directory, file));
  if (info.size === 0) throw new Error("the file is empty");
  if (info.size > reader.maxBytes) {
    throw new Error(`the file is ${formatBytes(info.size)}; ${reader.format} documents are limited to ${formatBytes(reader.maxBytes)}`);
  }
  const bytes = await readFile(path.join(directory, file));
  if (bytes.length !== info.size) throw new Error("the file changed while it was read; it is read again once it is saved");
  return { bytes, reader };
}

/** Parses one file in this thread: read, hash, and (unless the hash is `knownHash`) extract and parse. */
export const parseFileHere: ParseFile = async (directory, file, knownHash) => {
  const { bytes, reader } = await readDocumentBytes(directory, file);
  const hash = createHash("sha256").update(bytes).digest("hex");
  if (hash === knownHash) return { unchanged: true, hash };
  const extracted = await reader.read(bytes, file);
  const document = parseDocument(documentIdOf(file), file, extracted.text);
  assignPages(document.passages, extracted);
  document.problems.push(...(extracted.warnings ?? []));
  return { document, hash };
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
