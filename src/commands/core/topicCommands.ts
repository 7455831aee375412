import type { KnowledgeBase, Topic } from "../../knowledge/index.js";
import { answerTopic } from "./answerTopic.js";
import { chooseDocument, documentOption, listDocuments } from "../shared/chooseDocument.js";
import type { CommandDefinition } from "../registry/types.js";

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
    handler: ({ args, knowledge }) => {
      const withTopic = knowledge.documents.filter((document) => findTopic(document.topics?.topics, name));
      const choice = chooseDocument(knowledge, args.document);
      if (choice.reply) return choice.reply;
      // With several documents and none named, the one that answers this topic is the one meant.
      const document = choice.document ?? (withTopic.length === 1 ? withTopic[0] : undefined);
      if (!document) {
        return {
          title: "Which document?",
          text: withTopic.length > 1
            ? `Several documents answer /${name}. Name one, for example: /${name} document: ${withTopic[0]!.id}`
            : `No loaded document answers /${name} any more. Try /thesis or /ask.`,
          quotes: [],
          fields: [{ label: "Documents", value: listDocuments(knowledge) }],
          visibility: "private",
          kind: "notice",
        };
      }
      const topic = findTopic(document.topics?.topics, name);
      if (!topic) {
        const own = document.topics?.topics.map((t) => `/${t.command}`) ?? [];
        return {
          title: `No /${name} answer in ${document.title}`,
          text: `${document.title} has no /${name} topic. ${own.length > 0 ? `It answers ${own.join(", ")}. ` : ""}Try /thesis for its main argument, or /ask with your question.`,
          quotes: [],
          ...(withTopic.length > 0 ? { fields: [{ label: `Documents that answer /${name}`, value: withTopic.map((d) => `${d.id}: ${d.title}`).join("\n") }] } : {}),
          visibility: "private",
          kind: "notice",
        };
      }
      return answerTopic(knowledge, document, topic);
    },
  };
}

function findTopic(topics: readonly Topic[] | undefined, name: string): Topic | undefined {
  return topics?.find((topic) => topic.command === name);
}
