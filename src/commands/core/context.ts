import { quotePassage } from "../shared/quotePassage.js";
import type { CommandDefinition } from "../registry/types.js";

/** Two neighbours each side: enough to see the argument a passage belongs to, short enough to read in chat. */
const CONTEXT_RADIUS = 2;

export const contextCommand: CommandDefinition = {
  name: "context",
  description: "A passage with the passages before and after it in its section",
  usage: "<passage id>",
  options: [{ name: "passage", description: "A passage id, as a Context button carries it", kind: "text", required: true, main: true }],
  cacheable: true,
  handler: ({ args, knowledge }) => {
    const id = args.passage?.trim() ?? "";
    const context = id ? knowledge.contextOf(id, CONTEXT_RADIUS) : undefined;
    if (!context) {
      return {
        title: "Passage not found",
        text: id
          ? "That passage is no longer in the loaded documents (the document may have changed). Run the command again."
          : "Use the Context button under a quoted passage to see it in context.",
        quotes: [],
        visibility: "private",
        kind: "error",
      };
    }
    return {
      title: `In context: ${context.passage.section}`,
      quotes: [
        ...context.before.map((passage) => quotePassage(knowledge, passage, "Before")),
        quotePassage(knowledge, context.passage, "The passage"),
        ...context.after.map((passage) => quotePassage(knowledge, passage, "After")),
      ],
      visibility: "private",
      kind: "answer",
    };
  },
};
