import type { KnowledgeBase, Topic } from "../../knowledge/index.js";
import { answerTopic } from "./answerTopic.js";
import { chooseDocument, documentOption, listDocuments, whichDocumentReply } from "../shared/chooseDocument.js";
import { noticeReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";
import { askCommand } from "./ask.js";
import { thesisCommand } from "./thesis.js";

/**
 * One command per topic name the loaded documents bring (`/why-stalled`), so a new essay with its own
 * topic file gets its own command. Names already taken by a built-in command are left out.
 */
export function topicCommands(knowledge: KnowledgeBase, reserved: ReadonlySet<string>): CommandDefinition[] {
  const first = new Map<string, Topic>();
  for (const document of knowledge.documents) {
    for (const topic of document.topics?.topics ?? []) {
      if (!reserved.has(topic.command) && !first.has(topic.command)) first.set(topic.command, topic);
    }
  }
  return [...first.values()].map((topic) => createTopicCommand(topic.command, topic.description));
}

export function createTopicCommand(name: string, description: string): CommandDefinition {
  return {
    name,
    description,
    usage: "[document: name]",
    options: [{ ...documentOption, main: true }],
    cacheable: true,
    handler: ({ command, args, knowledge }) => {
      const withTopic = knowledge.documents.filter((document) => findTopic(document.topics?.topics, command));
      const choice = chooseDocument(knowledge, args.document);
      if (choice.reply) return choice.reply;
      // With several documents and none named, the one that answers this topic is the one meant.
      const document = choice.document ?? (withTopic.length === 1 ? withTopic[0] : undefined);
      if (!document) {
        if (withTopic.length > 1) return whichDocumentReply(knowledge, withTopic, command, args, { why: `Several documents answer /${command}.` });
        const text = `No loaded document answers /${command} any more. Try /${thesisCommand.name} or /${askCommand.name}.`;
        return noticeReply("Which document?", text, { fields: [{ label: "Documents", value: listDocuments(knowledge) }] });
      }
      const topic = findTopic(document.topics?.topics, command);
      if (!topic) {
        const own = document.topics?.topics.map((t) => `/${t.command}`) ?? [];
        const answers = own.length > 0 ? `It answers ${own.join(", ")}. ` : "";
        const text = `${document.title} has no /${command} topic. ${answers}Try /${thesisCommand.name} for its main argument, or /${askCommand.name} with your question.`;
        const elsewhere = withTopic.map((d) => `${d.id}: ${d.title}`).join("\n");
        return noticeReply(`No /${command} answer in ${document.title}`, text, {
          fields: withTopic.length > 0 ? [{ label: `Documents that answer /${command}`, value: elsewhere }] : undefined,
        });
      }
      return answerTopic(knowledge, document, topic);
    },
  };
}

function findTopic(topics: readonly Topic[] | undefined, name: string): Topic | undefined {
  return topics?.find((topic) => topic.command === name);
}
