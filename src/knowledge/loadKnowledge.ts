import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { KnowledgeBase, type KnowledgeError } from "./knowledgeBase.js";
import { parseDocument } from "./parseDocument.js";
import { parseTopicFile, TOPIC_FILE_SUFFIX } from "./parseTopicFile.js";
import { assignPages, documentExtensions, readerFor, type ExtractedText } from "./readers/index.js";
import { MAX_TEXT_BYTES } from "./readers/textReader.js";
import type { KnowledgeDocument } from "./types.js";

/** The limit for text documents and topic files; other formats have their reader's (`DocumentReader.maxBytes`). */
export const MAX_DOCUMENT_BYTES = MAX_TEXT_BYTES;

/** Whether a file is a document: its extension has a reader (`readers/index.ts`). */
export function isDocumentFile(file: string): boolean {
  return readerFor(file) !== undefined;
}

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
/**
 * Documents already parsed, by file name, with the size and modification time they were parsed at. A reload
 * given the same cache parses only the files that changed (saving the topic file does not re-parse a 5 MB essay).
 */
export type ParsedDocumentCache = Map<string, { size: number; mtimeMs: number; document: KnowledgeDocument }>;

/**
 * The text of one document file, as its format's reader extracts it: what the parser indexes and every quote
 * is a substring of. Every failure names what is wrong with the file, so the other documents can still load
 * and a maintainer knows which file to fix.
 */
export async function readDocument(directory: string, file: string): Promise<ExtractedText> {
  const reader = readerFor(file);
  if (!reader) throw new Error(`not a document: the knowledge folder reads ${documentExtensions()} files`);
  const info = await stat(path.join(directory, file));
  if (info.size === 0) throw new Error("the file is empty");
  if (info.size > reader.maxBytes) {
    throw new Error(`the file is ${formatBytes(info.size)}; ${reader.format} documents are limited to ${formatBytes(reader.maxBytes)}`);
  }
  const bytes = await readFile(path.join(directory, file));
  if (bytes.length !== info.size) throw new Error("the file changed while it was read; it is read again once it is saved");
  return reader.read(bytes, file);
}

/** Reads and parses one document file (or takes it from the cache when unchanged); passages of a paged format carry their page. */
export async function loadDocumentFile(directory: string, file: string, cache?: ParsedDocumentCache): Promise<KnowledgeDocument> {
  const info = await stat(path.join(directory, file));
  const cached = cache?.get(file);
  // A copy without topics: its topic file is attached afresh (or not) by this load.
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return { ...cached.document, topics: undefined };
  const extracted = await readDocument(directory, file);
  const document = parseDocument(documentIdOf(file), file, extracted.text);
  assignPages(document.passages, extracted);
  document.problems.push(...(extracted.warnings ?? []));
  cache?.set(file, { size: info.size, mtimeMs: info.mtimeMs, document: { ...document, topics: undefined } });
  return document;
}

/** Loads every document in a folder (every format with a reader); a file that fails is reported and skipped. */
export async function loadKnowledge(directory: string, options: { cache?: ParsedDocumentCache } = {}): Promise<KnowledgeBase> {
  const { documents, errors } = await loadKnowledgeFiles(directory, options);
  return new KnowledgeBase(documents, errors);
}

/** What `loadKnowledge` indexes: the parsed documents (topic files attached) and every file's failure. */
export async function loadKnowledgeFiles(
  directory: string,
  options: { cache?: ParsedDocumentCache } = {},
): Promise<{ documents: KnowledgeDocument[]; errors: KnowledgeError[] }> {
  let entries: string[];
  try {
    entries = (await readdir(directory)).sort();
  } catch (error) {
    return { documents: [], errors: [{ file: directory, message: `cannot read the knowledge folder: ${describe(error)}` }] };
  }
  const files = entries.filter(isDocumentFile);
  const documents: KnowledgeDocument[] = [];
  const errors: KnowledgeError[] = [];
  const seenIds = new Set<string>();
  for (const file of files) {
    try {
      const document = await loadDocumentFile(directory, file, options.cache);
      if (seenIds.has(document.id)) throw new Error(`another file already has the document id "${document.id}"`);
      seenIds.add(document.id);
      documents.push(document);
    } catch (error) {
      errors.push({ file, message: describe(error) });
    }
  }
  if (options.cache) for (const file of options.cache.keys()) if (!files.includes(file)) options.cache.delete(file);
  for (const file of entries.filter((entry) => entry.endsWith(TOPIC_FILE_SUFFIX))) {
    await loadTopicFile(directory, file, documents, errors);
  }
  if (files.length === 0) errors.push({ file: directory, message: `no ${documentExtensions()} documents in the knowledge folder` });
  return { documents, errors };
}

/** Attaches `<id>.topics.json` to its document; a bad topic file is reported and the document loads without it. */
async function loadTopicFile(directory: string, file: string, documents: KnowledgeDocument[], errors: KnowledgeError[]): Promise<void> {
  // Named like its document (`essay.v2.topics.json` for `essay.v2.txt`), so its id is worked out the same way.
  const documentId = documentIdOf(`${file.slice(0, -TOPIC_FILE_SUFFIX.length)}.txt`);
  const document = documents.find((d) => d.id === documentId);
  if (!document) {
    errors.push({ file, message: `no loaded document has the id "${documentId}" this topic file is named for` });
    return;
  }
  try {
    const fullPath = path.join(directory, file);
    if ((await stat(fullPath)).size > MAX_DOCUMENT_BYTES) throw new Error("the topic file is too large");
    const { topics, warnings } = parseTopicFile(file, await readFile(fullPath, "utf8"), document);
    document.topics = topics;
    errors.push(...warnings.map((message) => ({ file, message })));
  } catch (error) {
    errors.push({ file, message: describe(error) });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ? `${error.message}` : error.message;
  return String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
