import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { contextActions } from "./context.js";
import { findThesis } from "../shared/findThesis.js";
import { quotePassage, referencesOf } from "../shared/quotePassage.js";
import { answerReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";

/** Beyond this many documents, a thesis each would drown the channel; ask for one instead. */
const MAX_THESES_AT_ONCE = 3;

export const thesisCommand: CommandDefinition = {
  name: "thesis",
  description: "The document's thesis, quoted verbatim",
  usage: "[document: name]",
  options: [{ ...documentOption, main: true }],
  cacheable: true,
  handler: ({ args, knowledge }) => {
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const documents = choice.document ? [choice.document] : knowledge.documents.slice(0, MAX_THESES_AT_ONCE);
    const quotes = documents.flatMap((document) => {
      const thesisPhrase = document.topics?.topics.find((topic) => topic.answer?.passage)?.answer?.passage;
      return findThesis(document, thesisPhrase).map((passage) => quotePassage(knowledge, passage, documents.length > 1 ? document.title : "Thesis"));
    });
    const skipped = knowledge.documents.length - documents.length;
    return answerReply(choice.document ? `Thesis of ${choice.document.title}` : "Theses of the loaded documents", {
      quotes,
      references: referencesOf(quotes),
      actions: contextActions(quotes),
      footer: !choice.document && skipped > 0 ? `${skipped} more documents; name one with document: <name>.` : undefined,
    });
  },
};
