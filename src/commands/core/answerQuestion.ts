import type { Confidence } from "../../knowledge/confidence.js";
import type { KnowledgeBase, KnowledgeDocument, Passage, SearchHit, SourceHit } from "../../knowledge/index.js";
import { readQuestionIntent } from "../../knowledge/questionIntent.js";
import type { TermCorrection } from "../../knowledge/termVocabulary.js";
import { findConclusion, findThesis } from "../shared/findThesis.js";

/** How a question was answered: by search, or from what the document says as a whole. */
export type AnswerRoute = "search" | "thesis" | "conclusion" | "section" | "source";

/** A question's answer, before any platform shapes it: what `/ask` and `ask --json` both show. */
export interface QuestionAnswer {
  route: AnswerRoute;
  /** One page of passages, best first. */
  hits: SearchHit[];
  /** All the passages that answer, of which `hits` is one page. */
  total: number;
  confidence: Confidence;
  /** The question's subject words that the documents never use, after spelling, variants and aliases. */
  unmatched: string[];
  corrections: TermCorrection[];
  /** What the passages are when not search results: "The thesis of …", "The section “…”", "Passages citing …". */
  lead?: string;
  /** For `source`: the source named, to show its reference entry. */
  source?: SourceHit;
}

export interface AnswerOptions {
  documentId?: string;
  limit: number;
  offset?: number;
}

/** Beyond this many documents, a thesis or conclusion each would drown the answer. */
const MAX_DOCUMENTS_AT_ONCE = 3;
/** How close a "who is …" name must be to a cited author (Fuse's 0-1 distance) to be taken for it. */
const SOURCE_NAME_DISTANCE = 0.25;

/**
 * Answers a question from the documents: questions about a document as a whole (its thesis, conclusion,
 * a section, who a cited name is) from those parts of it; anything else by search, with how far the best
 * passage answers it and the words no document uses.
 */
export function answerQuestion(knowledge: KnowledgeBase, question: string, options: AnswerOptions): QuestionAnswer {
  const { limit, offset = 0, documentId } = options;
  const intent = readQuestionIntent(question);
  const documents = documentId ? knowledge.documents.filter((d) => d.id === documentId) : knowledge.documents.slice(0, MAX_DOCUMENTS_AT_ONCE);
  const routed = (route: AnswerRoute, passages: readonly Passage[], lead: string, extra: Partial<QuestionAnswer> = {}): QuestionAnswer => ({
    route,
    hits: passages.slice(offset, offset + limit).map((passage) => ({ passage, score: 1 })),
    total: passages.length,
    confidence: "strong",
    unmatched: [],
    corrections: [],
    lead,
    ...extra,
  });

  if (intent?.kind === "thesis") {
    const passages = documents.flatMap((document) => findThesis(document, thesisPhrase(document)));
    if (passages.length > 0) return routed("thesis", passages, `The thesis of ${titles(documents)}:`);
  }
  if (intent?.kind === "conclusion") {
    const passages = documents.flatMap(findConclusion);
    if (passages.length > 0) return routed("conclusion", passages, `The conclusion of ${titles(documents)}:`);
  }
  if (intent?.kind === "section") {
    const hit =
      knowledge.findSections(intent.topic, { documentId, limit: 1 })[0] ?? sectionOfBestPassage(knowledge, intent.topic, documentId);
    if (hit) {
      const passages = hit.document.passages.filter((p) => p.sectionIndex === hit.section.index);
      return routed("section", passages, `The section “${hit.section.heading}” of ${hit.document.title}:`);
    }
  }
  if (intent?.kind === "who") {
    const source = citedSource(knowledge, intent.name, documentId);
    if (source) {
      const passages = source.source.passageIds.map((id) => knowledge.passage(id)).filter((p): p is Passage => p !== undefined);
      const reference = source.source.reference?.text ?? "not in the reference list, so it cannot be checked";
      if (passages.length > 0) {
        return routed("source", passages, `${source.source.author} (${source.source.year}) is a source the essay cites: ${reference}`, { source });
      }
    }
  }
  const outcome = knowledge.search(question, { documentId, limit, offset, match: "any" });
  return {
    route: "search",
    hits: outcome.hits,
    total: outcome.total,
    confidence: outcome.confidence,
    unmatched: outcome.unmatched,
    corrections: outcome.corrections,
  };
}

function thesisPhrase(document: KnowledgeDocument): string | undefined {
  return document.topics?.topics.find((topic) => topic.answer?.passage)?.answer?.passage;
}

function titles(documents: readonly KnowledgeDocument[]): string {
  return documents.map((document) => document.title).join("; ");
}

/** "Summarise the part about external actors" when no heading says so: the section its best passage is in. */
function sectionOfBestPassage(knowledge: KnowledgeBase, topic: string, documentId: string | undefined) {
  const best = knowledge.search(topic, { documentId, limit: 1 }).hits[0]?.passage;
  const document = best && knowledge.documents.find((d) => d.id === best.documentId);
  const section = document?.sections[best!.sectionIndex];
  return document && section ? { document, section } : undefined;
}

/** The cited source a "who is …" question names, when it names one closely (not a leader the text only mentions, who is no source). */
function citedSource(knowledge: KnowledgeBase, name: string, documentId: string | undefined): SourceHit | undefined {
  return knowledge.findSources(name, { documentId, limit: 1, maxDistance: SOURCE_NAME_DISTANCE })[0];
}
