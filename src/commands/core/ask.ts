import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import { addressReply, forOption } from "../shared/addressReply.js";
import { answerQuestion, type QuestionAnswer } from "./answerQuestion.js";
import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { describeCorrections } from "../shared/describeCorrections.js";
import { answerReply, errorReply, noticeReply } from "../../reply/builders.js";
import { noMatchReply } from "../shared/noMatchReply.js";
import { noMorePassagesReply, passagePage, PASSAGES_PER_PAGE } from "../shared/passagePage.js";
import { referencesOf } from "../shared/quotePassage.js";
import type { Reply } from "../../reply/types.js";
import type { CommandDefinition, PlatformTraits } from "../registry/types.js";

export const askCommand: CommandDefinition = {
  name: "ask",
  description: "Ask a question; get the best passages, quoted verbatim with their citations",
  usage: "<question> [for: @person] [document: name]",
  options: [
    { name: "question", description: "What you want to know", kind: "text", required: true, main: true },
    forOption,
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge, page, platform }) => askReply(knowledge, args, { command, page, platform }),
};

/**
 * The answer to `/ask`: passages that answer the question (or the document's thesis, conclusion, section or
 * cited source when the question is about the document itself), said plainly when they are only the
 * nearest the document has, and a "the document doesn't discuss this" naming the words it never uses when
 * nothing does. `command` is the name its More button runs; `perPage` is for the CLI's `--limit`.
 */
export function askReply(
  knowledge: KnowledgeBase,
  args: Readonly<Record<string, string | undefined>>,
  options: { command: string; page: number; platform: PlatformTraits; perPage?: number },
): Reply {
  const { command, page, platform, perPage = PASSAGES_PER_PAGE } = options;
  const question = args.question?.trim() ?? "";
  if (!question) {
    return errorReply("Ask a question", `Type a question after /${command}, for example: /${command} what does the author conclude?`);
  }
  const choice = chooseDocument(knowledge, args.document);
  if (choice.reply) return choice.reply;
  const answer = answerQuestion(knowledge, question, { documentId: choice.document?.id, limit: perPage, offset: page * perPage });
  if (answer.hits.length === 0 || answer.confidence === "none") {
    if (page > 0) return noMorePassagesReply(`matching '${question.slice(0, 80)}'`);
    return answer.unmatched.length > 0 ? notDiscussedReply(knowledge, choice.document, question, answer) : { ...noMatchReply(knowledge, choice.document, question), confidence: "none" };
  }
  const shown = passagePage(knowledge, answer, { command, args: { question, document: args.document }, page }, perPage);
  const reply = answerReply(question, {
    text: [describeCorrections(answer.corrections), answer.lead, describeWeakness(knowledge, choice.document, answer), shown.range]
      .filter(Boolean)
      .join(" "),
    quotes: shown.quotes,
    references: referencesOf(shown.quotes),
    actions: shown.actions,
    footer: shown.moreUnavailable,
    confidence: answer.confidence,
  });
  return addressReply(reply, args.for, platform);
}

/** "The document never mentions sanctions." and that these are the nearest passages, not an answer. */
function describeWeakness(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, answer: QuestionAnswer): string {
  if (answer.confidence !== "weak") return "";
  const missing = answer.unmatched.length > 0 ? `${neverMentions(knowledge, document, answer.unmatched)} ` : "";
  return `${missing}No passage answers this directly; these are the nearest.`;
}

/** Nothing in the documents addresses the question: say which of its words they never use. */
function notDiscussedReply(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, question: string, answer: QuestionAnswer): Reply {
  const suggestions = knowledge.suggest(question, 3, document?.id);
  const text = [
    describeCorrections(answer.corrections),
    `${neverMentions(knowledge, document, answer.unmatched)} It does not discuss this.`,
    suggestions.length > 0 ? `Did you mean: ${suggestions.join(", ")}?` : "",
  ];
  return noticeReply(question, text.filter(Boolean).join(" "), { confidence: "none" });
}

/** "Water Wars never mentions glaciers, tariffs." */
function neverMentions(knowledge: KnowledgeBase, document: KnowledgeDocument | undefined, words: readonly string[]): string {
  const where = document?.title ?? (knowledge.documents.length === 1 ? knowledge.documents[0]!.title : "No loaded document");
  const list = words.slice(0, 6).join(", ");
  return where === "No loaded document" ? `No loaded document mentions ${list}.` : `${where} never mentions ${list}.`;
}
