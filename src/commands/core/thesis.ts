import type { KnowledgeDocument } from "../../knowledge/index.js";
import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { contextActions } from "./context.js";
import { locateThesis, type ThesisOrigin } from "../shared/findThesis.js";
import { quotePassage, referencesOf } from "../shared/quotePassage.js";
import { answerReply, noticeReply } from "../../reply/builders.js";
import type { ReplyQuote } from "../../reply/types.js";
import type { CommandDefinition } from "../registry/types.js";

/** Beyond this many documents, a thesis each would drown the channel; ask for one instead. */
const MAX_THESES_AT_ONCE = 3;

/** Where the thesis was found, read after the document's title: the reader knows a heading from a guess. */
const ORIGINS: Record<ThesisOrigin, string> = {
  "topic-file": "the passage its topic file names as the answer",
  heading: "its section headed as the thesis",
  statement: "a sentence that says what it argues",
  none: "no thesis found: no section is headed as the thesis and no sentence says what the document argues",
};

/**
 * /thesis [document]: each document's thesis, quoted verbatim, and where it was found (a topic file, a heading,
 * a sentence saying what the document argues); a document with none of these is said to have none found,
 * rather than an opening sentence being called its thesis.
 */
export const thesisCommand: CommandDefinition = {
  name: "thesis",
  description: "The document's thesis, quoted verbatim, and where it was found",
  usage: "[document: name]",
  options: [{ ...documentOption, main: true }],
  cacheable: true,
  handler: ({ args, knowledge }) => {
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const documents = choice.document ? [choice.document] : knowledge.documents.slice(0, MAX_THESES_AT_ONCE);
    const found = documents.map((document) => ({ document, ...locateThesis(document, thesisPhrase(document), knowledge) }));
    const quotes: ReplyQuote[] = found.flatMap(({ document, passages }) =>
      passages.map((passage) => quotePassage(knowledge, passage, documents.length > 1 ? `Thesis of ${document.title}` : "Thesis")),
    );
    const origins = found.map(({ document, origin }) => `${document.title}: ${ORIGINS[origin]}.`).join("\n");
    const skipped = knowledge.documents.length - documents.length;
    const footer = !choice.document && skipped > 0 ? `${skipped} more documents; name one with document: <name>.` : undefined;
    if (quotes.length === 0) {
      return noticeReply(choice.document ? `No thesis found in ${choice.document.title}` : "No thesis found", `${origins}\nTry /ask with what you want to know it argues.`, { footer });
    }
    return answerReply(choice.document ? `Thesis of ${choice.document.title}` : "Theses of the loaded documents", {
      text: `Where each thesis was found:\n${origins}`,
      quotes,
      references: referencesOf(quotes),
      actions: contextActions(quotes),
      footer,
    });
  },
};

/** The phrase a topic file names as the passage answering its topics, when it names one. */
function thesisPhrase(document: KnowledgeDocument): string | undefined {
  return document.topics?.topics.find((topic) => topic.answer?.passage)?.answer?.passage;
}
