export * from "./types.js";
export * from "./knowledgeBase.js";
export { loadKnowledge, loadDocumentFile, readDocument, documentIdOf, isDocumentFile, MAX_DOCUMENT_BYTES } from "./loadKnowledge.js";
export { DOCUMENT_READERS, readerFor, pagesOf, type DocumentReader, type ExtractedText, type PageStart } from "./readers/index.js";
export { parseDocument } from "./parseDocument.js";
export { parseCitations, sourceKey } from "./parseCitations.js";
export type { Confidence } from "./confidence.js";
export type { QueryTerm, TermForm, FormKind } from "./queryTerms.js";
export type { SearchedTerm } from "./passageIndex.js";
