import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import { chooseDocument, documentOption } from "../shared/chooseDocument.js";
import { contextActions } from "./context.js";
import { quotePassage, referencesOf } from "../shared/quotePassage.js";
import type { Reply, ReplyField } from "../../reply/types.js";
import { answerReply, noticeReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";

/** A section longer than this is shown in part; its passages are all reachable through Context. */
const MAX_SECTION_PASSAGES = 8;

export const sectionCommand: CommandDefinition = {
  name: "section",
  description: "A section of the document, quoted in full; with no heading, the list of sections",
  usage: "[heading] [document: name]",
  options: [
    { name: "heading", description: "A section heading, roughly: {section}", kind: "text", main: true, autocomplete: "sections" },
    documentOption,
  ],
  cacheable: true,
  handler: ({ command, args, knowledge }) => {
    const choice = chooseDocument(knowledge, args.document);
    if (choice.reply) return choice.reply;
    const documents = choice.document ? [choice.document] : [...knowledge.documents];
    const heading = args.heading?.trim() ?? "";
    if (!heading) return sectionList(documents, "Sections", `Name one with /${command} <heading>.`);
    const hit = knowledge.findSections(heading, { documentId: choice.document?.id, limit: 1 })[0];
    if (!hit) return sectionList(documents, "No such section", `No section heading matches '${heading.slice(0, 80)}'.`);
    return sectionReply(knowledge, hit.document, hit.section.index);
  },
};

function sectionReply(knowledge: KnowledgeBase, document: KnowledgeDocument, sectionIndex: number): Reply {
  const section = document.sections[sectionIndex]!;
  const passages = document.passages.filter((p) => p.sectionIndex === sectionIndex);
  const quotes = passages.slice(0, MAX_SECTION_PASSAGES).map((passage) => quotePassage(knowledge, passage));
  return answerReply(section.heading, {
    text: `Section ${sectionIndex + 1} of ${document.sections.length} in ${document.title}.`,
    quotes,
    references: referencesOf(quotes),
    actions: contextActions(quotes),
    footer: passages.length > quotes.length ? `Showing ${quotes.length} of ${passages.length} passages.` : undefined,
  });
}

function sectionList(documents: readonly KnowledgeDocument[], title: string, text: string): Reply {
  const fields: ReplyField[] = documents.map((document) => ({
    label: document.title,
    value: document.sections
      .map((section, i) => `${i + 1}. ${section.heading} (${section.passageIds.length} passage${section.passageIds.length === 1 ? "" : "s"})`)
      .join("\n"),
  }));
  return noticeReply(title, text, { fields });
}
