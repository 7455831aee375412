import { createHash } from "node:crypto";
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

/** `Russia Ukraine Peace-Talks.txt` → `russia-ukraine-peace-talks`. */
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
 * Documents already parsed, by file name, with the size, modification time and content hash (SHA-256 of the
 * bytes) they were parsed at. A reload given the same cache parses only files whose bytes changed: an unchanged
 * size and time skip even the read, and a file touched or copied back unchanged is read and hashed, not parsed.
 */
export type ParsedDocumentCache = Map<string, CachedDocument>;

export interface CachedDocument {
  size: number;
  mtimeMs: number;
  hash: string;
  document: KnowledgeDocument;
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

/**
 * Reads and parses one document file (or takes it from the cache when its bytes are unchanged); passages of a
 * paged format carry their page. The document comes without topics: its topic file is attached by the load.
 */
export async function loadDocumentFile(directory: string, file: string, cache?: ParsedDocumentCache, parse: ParseFile = parseFileHere): Promise<KnowledgeDocument> {
  const info = await stat(path.join(directory, file));
  const cached = cache?.get(file);
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return { ...cached.document, topics: undefined };
  const parsed = await parse(directory, file, cached?.hash);
  const document = parsed.unchanged ? cached!.document : parsed.document;
  cache?.set(file, { size: info.size, mtimeMs: info.mtimeMs, hash: parsed.hash, document: { ...document, topics: undefined } });
  return { ...document, topics: undefined };
}

/** Loads every document in a folder (every format with a reader); a file that fails is reported and skipped. */
export async function loadKnowledge(directory: string, options: LoadOptions = {}): Promise<KnowledgeBase> {
  const { documents, errors } = await loadKnowledgeFiles(directory, options);
  return new KnowledgeBase(documents, errors);
}

export interface LoadOptions {
  /** Documents parsed by an earlier load: only files whose bytes changed are parsed again. */
  cache?: ParsedDocumentCache;
  /** How one file is parsed (default: in this thread). */
  parse?: ParseFile;
}

/** What `loadKnowledge` indexes: the parsed documents (topic files attached) and every file's failure. */
export async function loadKnowledgeFiles(
  directory: string,
  options: LoadOptions = {},
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
      const document = await loadDocumentFile(directory, file, options.cache, options.parse);
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
