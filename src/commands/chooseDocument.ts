import type { KnowledgeBase, KnowledgeDocument } from "../knowledge/index.js";
import type { Reply } from "./reply.js";
import type { CommandOption } from "./types.js";
import { errorReply } from "./errorReply.js";

/** The optional `document` option every command takes. */
export const documentOption: CommandOption = {
  name: "document",
  description: "Which document to answer from, when several are loaded",
  kind: "text",
  autocomplete: "documents",
};

/**
 * Which document a command answers from. `document` is the one asked for (fuzzy on id or title), or the
 * only one loaded; undefined with no reply means several are loaded and none was named, so the command
 * may search them all.
 */
export interface DocumentChoice {
  document?: KnowledgeDocument;
  /** Set when the command cannot go on: nothing loaded, or nothing matches the name given. */
  reply?: Reply;
}

export function chooseDocument(knowledge: KnowledgeBase, query: string | undefined): DocumentChoice {
  if (knowledge.documents.length === 0) {
    return {
      reply: errorReply("No documents loaded", "There are no documents to answer from yet. Add a document (.txt, .md, .pdf, .docx or .html) to the knowledge folder; /docs shows what failed to load."),
    };
  }
  if (query?.trim()) {
    const document = knowledge.document(query);
    if (document) return { document };
    return {
      reply: {
        title: "No such document",
        text: `No loaded document matches '${query.trim().slice(0, 80)}'.`,
        quotes: [],
        fields: [{ label: "Documents", value: listDocuments(knowledge) }],
        visibility: "private",
        kind: "error",
      },
    };
  }
  return { document: knowledge.document() };
}

/** For commands that need exactly one document: the choice, or a reply asking which. */
export function requireDocument(knowledge: KnowledgeBase, query: string | undefined, command: string): DocumentChoice {
  const choice = chooseDocument(knowledge, query);
  if (choice.reply || choice.document) return choice;
  return {
    reply: {
      title: "Which document?",
      text: `Several documents are loaded. Name one, for example: /${command} document: ${knowledge.documents[0]!.id}`,
      quotes: [],
      fields: [{ label: "Documents", value: listDocuments(knowledge) }],
      visibility: "private",
      kind: "notice",
    },
  };
}

export function listDocuments(knowledge: KnowledgeBase): string {
  return knowledge.documents.map((document) => `${document.id}: ${document.title}`).join("\n");
}
