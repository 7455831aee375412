import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { KnowledgeBase, type KnowledgeError } from "./knowledgeBase.js";
import { parseTopicFile, TOPIC_FILE_SUFFIX } from "./parseTopicFile.js";
import { documentExtensions, readerFor } from "./readers/index.js";
import { documentIdOf, parseFileHere, type ParseFile } from "./parseFile.js";
import { MAX_TEXT_BYTES } from "./readers/textReader.js";
import type { KnowledgeDocument } from "./types.js";

export { documentIdOf, parseFileHere, readDocument, type ParseFile, type ParsedFile } from "./parseFile.js";

/** The limit for text documents and topic files; other formats have their reader's (`DocumentReader.maxBytes`). */
export const MAX_DOCUMENT_BYTES = MAX_TEXT_BYTES;

/** Whether a file is a document: its extension has a reader (`readers/index.ts`). */
export function isDocumentFile(file: string): boolean {
  return readerFor(file) !== undefined;
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
