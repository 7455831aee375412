import { documentExtensions } from "../../knowledge/readers/index.js";
import { docsCommand } from "../core/docs.js";
import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import type { Reply } from "../../reply/types.js";
import type { CommandOption } from "../registry/types.js";
import { errorReply, invocationButton, noticeReply } from "../../reply/builders.js";

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

type CommandArgs = Readonly<Record<string, string | undefined>>;

export interface WhichDocumentOptions {
  /** The option holding the typed text (`claim`), written first in the example. */
  main?: string;
  /** Why the answer depends on the document, said before the choices. */
  why?: string;
}

/** Buttons stay in one row on every platform (Discord's rows hold five). */
const MAX_DOCUMENT_BUTTONS = 5;

/**
 * "Which document?" when the answer really differs by document: one button per candidate that runs the same
 * command with that document, and a typed example that is complete (the command's own text kept).
 */
export function whichDocumentReply(
  knowledge: KnowledgeBase,
  candidates: readonly KnowledgeDocument[],
  command: string,
  args: CommandArgs,
  options: WhichDocumentOptions = {},
): Reply {
  const typed = options.main ? args[options.main]?.trim() : undefined;
  const example = `/${command}${typed ? ` ${typed}` : ""} ${documentOption.name}: ${candidates[0]!.id}`;
  const actions = candidates
    .slice(0, MAX_DOCUMENT_BUTTONS)
    .map((document) => invocationButton(document.title.slice(0, 60), { command, args: { ...args, document: document.id } }))
    .filter((action): action is NonNullable<typeof action> => action !== undefined);
  const why = options.why ?? "Several documents are loaded.";
  return noticeReply("Which document?", `${why} Choose one below, or type it, for example: ${example}`, {
    fields: [{ label: "Documents", value: listDocuments(knowledge, candidates) }],
    actions: actions.length > 0 ? actions : undefined,
  });
}

export function listDocuments(knowledge: KnowledgeBase, documents: readonly KnowledgeDocument[] = knowledge.documents): string {
  return documents.map((document) => `${document.id}: ${document.title}`).join("\n");
}
