import { addressReply, forOption } from "./addressReply.js";
import { chooseDocument, documentOption } from "./chooseDocument.js";
import { contextActions } from "./contextActions.js";
import { describeCorrections } from "./describeCorrections.js";
import { moreAction, MORE_UNAVAILABLE } from "./moreAction.js";
import { noMatchReply } from "./noMatchReply.js";
import { quotePassage, referencesOf } from "./quotePassage.js";
import type { ReplyAction } from "./reply.js";
import type { CommandDefinition } from "./types.js";

export const PASSAGES_PER_PAGE = 3;

export const askCommand: CommandDefinition = {
  name: "ask",
  description: "Ask a question; get the best passages, quoted verbatim with their citations",
  usage: "<question> [for: @person] [document: name]",
  options: [
    { name: "question", description: "What you want to know", kind: "text", required: true, main: true },
    forOption,
    documentOption,
  ],
  handler: ({ args, knowledge, page, platform }) => {
    const question = args.question?.trim() ?? "";
    if (!question) {
      return {
        title: "Ask a question",
        text: "Type a question after /ask, for example: /ask why did the Istanbul talks fail",
        quotes: [],
        visibility: "private",
        kind: "error",
      };
    }
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const offset = page * PASSAGES_PER_PAGE;
    const outcome = knowledge.search(question, {
      documentId: choice.document?.id,
      limit: PASSAGES_PER_PAGE,
      offset,
      match: "any",
    });
    if (outcome.hits.length === 0) {
      return page > 0
        ? { title: "No more passages", text: `That was every passage matching '${question.slice(0, 80)}'.`, quotes: [], visibility: "private", kind: "notice" }
        : noMatchReply(knowledge, choice.document, question);
    }
    const quotes = outcome.hits.map((hit) => ({ ...quotePassage(knowledge, hit.passage), score: hit.score }));
    const shownTo = offset + quotes.length;
    const actions: ReplyAction[] = [];
    const more = outcome.total > shownTo ? moreAction("ask", { question, document: args.document }, page) : undefined;
    if (more) actions.push(more);
    actions.push(...contextActions(quotes));
    const lead = [describeCorrections(outcome.corrections), `Passages ${offset + 1}-${shownTo} of ${outcome.total}.`];
    const reply = {
      title: question,
      text: lead.filter(Boolean).join(" "),
      quotes,
      references: referencesOf(quotes),
      actions,
      ...(outcome.total > shownTo && !more ? { footer: MORE_UNAVAILABLE } : {}),
      visibility: "private" as const,
      kind: "answer" as const,
    };
    return addressReply(reply, args.for, platform);
  },
};
