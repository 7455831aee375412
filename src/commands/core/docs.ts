import type { KnowledgeDocument } from "../../knowledge/index.js";
import type { ReplyField } from "../../reply/types.js";
import { noticeReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";

export const docsCommand: CommandDefinition = {
  name: "docs",
  description: "The documents loaded, their size, integrity problems, and files that failed to load",
  usage: "",
  options: [],
  cacheable: true,
  handler: ({ knowledge }) => {
    const fields: ReplyField[] = knowledge.documents.map((document) => ({
      label: `${document.title} (${document.id})`,
      value: describeDocument(document),
    }));
    if (knowledge.errors.length > 0) {
      fields.push({
        label: "Could not load",
        value: knowledge.errors.map((error) => `${error.file}: ${error.message}`).join("\n"),
      });
    }
    const count = knowledge.documents.length;
    return noticeReply("Documents", count === 0 ? "No documents are loaded." : `${count} document${count === 1 ? "" : "s"} loaded.`, { fields });
  },
};

function describeDocument(document: KnowledgeDocument): string {
  const lines = [
    `File: ${document.file}`,
    `${document.sections.length} sections, ${document.passages.length} passages, ${document.sources.length} sources cited or listed`,
  ];
  const topics = document.topics?.topics.map((topic) => `/${topic.command}`) ?? [];
  if (topics.length > 0) lines.push(`Topic commands: ${topics.join(", ")}`);
  if (document.problems.length > 0) lines.push("Problems:", ...document.problems.map((problem) => `- ${problem}`));
  else lines.push("No integrity problems found.");
  return lines.join("\n");
}
