import { documentExtensions } from "../../knowledge/readers/index.js";
import { docsCommand } from "../core/docs.js";
import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import type { Reply } from "../../reply/types.js";
import type { CommandOption } from "../registry/types.js";
import { errorReply, noticeReply } from "../../reply/builders.js";

/** The optional `document` option every command takes. */
export const documentOption: CommandOption = {
  name: "document",
  description: "Which document to answer from, when several are loaded",
  kind: "text",
  autocomplete: "documents",
};

/**
 * Which document a command answers from: the one asked for (fuzzy on id or title), or the only one loaded; no
 * document (and no reply) means several are loaded and none was named, so the command may search them all.
 * A reply instead when the command cannot go on: nothing loaded, or nothing matches the name given.
 */
export type DocumentChoice = { reply: Reply; document?: undefined } | { reply?: undefined; document: KnowledgeDocument | undefined };

/** For commands that need exactly one document: the document, or a reply asking which. */
export type RequiredDocument = { reply: Reply; document?: undefined } | { reply?: undefined; document: KnowledgeDocument };

export function chooseDocument(knowledge: KnowledgeBase, query: string | undefined): DocumentChoice {
  if (knowledge.documents.length === 0) {
    return {
      reply: errorReply("No documents loaded", `There are no documents to answer from yet. Add a document (${documentExtensions()}) to the knowledge folder; /${docsCommand.name} shows what failed to load.`),
    };
  }
  if (query?.trim()) {
    const document = knowledge.document(query);
    if (document) return { document };
    return {
      reply: errorReply("No such document", `No loaded document matches '${query.trim().slice(0, 80)}'.`, {
        fields: [{ label: "Documents", value: listDocuments(knowledge) }],
      }),
    };
  }
  return { document: knowledge.document() };
}

/** `command` is the one asking, for the example in the reply. */
export function requireDocument(knowledge: KnowledgeBase, query: string | undefined, command: string): RequiredDocument {
  const choice = chooseDocument(knowledge, query);
  if (choice.reply) return choice;
  if (choice.document) return { document: choice.document };
  return {
    reply: noticeReply("Which document?", `Several documents are loaded. Name one, for example: /${command} document: ${knowledge.documents[0]!.id}`, {
      fields: [{ label: "Documents", value: listDocuments(knowledge) }],
    }),
  };
}

export function listDocuments(knowledge: KnowledgeBase): string {
  return knowledge.documents.map((document) => `${document.id}: ${document.title}`).join("\n");
}
