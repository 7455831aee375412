/**
 * The document formats the knowledge folder reads, one reader each. Adding a format is a reader (a
 * `DocumentReader` in its own file) and one line here.
 */
import path from "node:path";
import { docxReader } from "./docxReader.js";
import { htmlReader } from "./htmlReader.js";
import { pdfReader } from "./pdfReader.js";
import { textReader } from "./textReader.js";
import type { DocumentReader } from "./types.js";

export const DOCUMENT_READERS: readonly DocumentReader[] = [
  textReader,
  pdfReader,
  docxReader,
  htmlReader,
];

export type { DocumentReader, ExtractedText, PageStart } from "./types.js";
export { assignPages, pagesOf } from "./assignPages.js";

const byExtension = new Map(DOCUMENT_READERS.flatMap((reader) => reader.extensions.map((extension) => [extension, reader] as const)));

/** The reader for a file, by its extension; undefined for files that are not documents. */
export function readerFor(file: string): DocumentReader | undefined {
  return byExtension.get(path.extname(file).toLowerCase());
}

/** `.txt, .md, .pdf, .docx, .html or .htm`: for messages. */
export function documentExtensions(): string {
  const extensions = [...byExtension.keys()];
  return `${extensions.slice(0, -1).join(", ")} or ${extensions.at(-1)}`;
}
