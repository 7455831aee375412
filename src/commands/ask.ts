import { addressReply, forOption } from "./addressReply.js";
import { chooseDocument, documentOption } from "./chooseDocument.js";
import { describeCorrections } from "./describeCorrections.js";
import { noMatchReply } from "./noMatchReply.js";
import { noMorePassagesReply, passagePage, PASSAGES_PER_PAGE } from "./passagePage.js";
import { referencesOf } from "./quotePassage.js";
import type { CommandDefinition } from "./types.js";
import { errorReply } from "./errorReply.js";

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
  handler: ({ args, knowledge, page, platform }) => {
    const question = args.question?.trim() ?? "";
    if (!question) {
      return errorReply("Ask a question", "Type a question after /ask, for example: /ask what is the main argument?");
    }
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const outcome = knowledge.search(question, {
      documentId: choice.document?.id,
      limit: PASSAGES_PER_PAGE,
      offset: page * PASSAGES_PER_PAGE,
      match: "any",
    });
    if (outcome.hits.length === 0) {
      return page > 0 ? noMorePassagesReply(`matching '${question.slice(0, 80)}'`) : noMatchReply(knowledge, choice.document, question);
    }
    const shown = passagePage(knowledge, outcome, { command: "ask", args: { question, document: args.document }, page });
    const reply = {
      title: question,
      text: [describeCorrections(outcome.corrections), shown.range].filter(Boolean).join(" "),
      quotes: shown.quotes,
      references: referencesOf(shown.quotes),
      actions: shown.actions,
      ...(shown.moreUnavailable ? { footer: shown.moreUnavailable } : {}),
      visibility: "private" as const,
      kind: "answer" as const,
    };
    return addressReply(reply, args.for, platform);
  },
};
