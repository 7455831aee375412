import type { KnowledgeBase, KnowledgeDocument, Passage, Topic, TopicReason } from "../../knowledge/index.js";
import { contextActions } from "./context.js";
import { findPassageByPhrase, locateThesis, searchPassage } from "../shared/findThesis.js";
import { quotePassage, referencesOf } from "../shared/quotePassage.js";
import { answerReply } from "../../reply/builders.js";
import type { Reply, ReplyQuote } from "../../reply/types.js";

/** Two passages make a reason's case without turning the answer into the whole essay. */
const EVIDENCE_PER_REASON = 2;
const SEARCH_DEPTH = 10;

/**
 * A topic's answer in the document's own words: the passage that answers it (the thesis by default, when one is
 * found), then
 * each reason it names with evidence from the body of the document. Each reason gets at least one passage
 * that carries a citation when the body offers one, so the reader can check it.
 */
export function answerTopic(knowledge: KnowledgeBase, document: KnowledgeDocument, topic: Topic): Reply {
  // The passage the topic file names (found verbatim, else by the search /ask uses), else the thesis when one is found.
  const located = locateThesis(document, topic.answer?.passage, knowledge);
  const answer = located.passages;
  const body = bodyPassages(document, answer);
  const quotes: ReplyQuote[] = answer.map((passage) => quotePassage(knowledge, passage, located.origin === "topic-file" ? "Answer" : "Thesis"));
  const used = new Set<string>();
  const unsupported: string[] = [];
  topic.reasons.forEach((reason, i) => {
    const evidence = evidenceFor(knowledge, document, reason, body, used);
    if (evidence.length === 0) unsupported.push(reason.label);
    for (const passage of evidence) {
      used.add(passage.id);
      quotes.push(quotePassage(knowledge, passage, `Reason ${i + 1}: ${reason.label}`));
    }
  });
  const reasons = topic.reasons.length === 1 ? "the reason it names" : `the ${topic.reasons.length} reasons it names`;
  return answerReply(topic.question ?? topic.description, {
    text: `${document.title}, in its own words: ${answer.length === 0 ? "" : located.origin === "topic-file" ? "its answer, then " : "the thesis, then "}${reasons}, each with evidence from the body of the essay.`,
    quotes,
    references: referencesOf(quotes),
    actions: contextActions(quotes),
    footer: unsupported.length > 0 ? `The document offers no passage for: ${unsupported.join(", ")}.` : undefined,
  });
}

function evidenceFor(
  knowledge: KnowledgeBase,
  document: KnowledgeDocument,
  reason: TopicReason,
  body: ReadonlySet<string>,
  usedElsewhere: ReadonlySet<string>,
): Passage[] {
  // A phrase that is not the document's exact wording is found as /ask would find it.
  const pinned = (reason.evidence ?? [])
    .map((phrase) => findPassageByPhrase(document, phrase) ?? searchPassage(knowledge, document, phrase))
    .filter((passage): passage is Passage => passage !== undefined && body.has(passage.id));
  // The reason's search words, else its label: searched as /ask searches, so what /ask finds a reason finds.
  const found = knowledge
    .search(reason.query ?? reason.label, { documentId: document.id, limit: SEARCH_DEPTH, match: "any" })
    .hits.map((hit) => hit.passage)
    .filter((passage) => body.has(passage.id) && !usedElsewhere.has(passage.id));
  const candidates = uniqueById([...pinned, ...found]);
  const chosen = candidates.slice(0, EVIDENCE_PER_REASON);
  if (!chosen.some((passage) => passage.citations.length > 0)) {
    const cited = candidates.find((passage) => passage.citations.length > 0);
    if (cited) chosen.push(cited);
  }
  return chosen;
}

/**
 * The passages that argue rather than announce: not the answer itself, not the thesis section, and not
 * the opening or concluding sections when the document has sections in between.
 */
function bodyPassages(document: KnowledgeDocument, answer: readonly Passage[]): Set<string> {
  const excludedSections = new Set(answer.map((passage) => passage.sectionIndex));
  for (const section of document.sections) if (/thesis/i.test(section.heading)) excludedSections.add(section.index);
  const inner = document.passages.filter((p) => !excludedSections.has(p.sectionIndex));
  const framing = new Set<number>([0]);
  for (const section of document.sections) if (/^\s*(conclusions?|summary)\b/i.test(section.heading)) framing.add(section.index);
  const body = inner.filter((p) => !framing.has(p.sectionIndex));
  const answerIds = new Set(answer.map((p) => p.id));
  return new Set((body.length > 0 ? body : inner).map((p) => p.id).filter((id) => !answerIds.has(id)));
}

function uniqueById(passages: readonly Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((passage) => !seen.has(passage.id) && seen.add(passage.id));
}
