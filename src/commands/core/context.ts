import { quotePassage } from "../shared/quotePassage.js";
import { answerReply, errorReply, invocationButton } from "../../reply/builders.js";
import type { ReplyAction, ReplyQuote } from "../../reply/types.js";
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
      return errorReply(
        "Passage not found",
        id
          ? "That passage is no longer in the loaded documents (the document may have changed). Run the command again."
          : "Use the Context button under a quoted passage to see it in context.",
      );
    }
    return answerReply(`In context: ${context.passage.section}`, {
      quotes: [
        ...context.before.map((passage) => quotePassage(knowledge, passage, "Before")),
        quotePassage(knowledge, context.passage, "The passage"),
        ...context.after.map((passage) => quotePassage(knowledge, passage, "After")),
      ],
    });
  },
};

/**
 * "Context 1", "Context 2"…: one button per quote, tied to its quote, that opens the passage with its
 * neighbours. Renderers keep as many as the platform's buttons allow, for the quotes they show. A passage id
 * too long to travel in a button value is left without one rather than given one that opens the wrong passage.
 */
export function contextActions(quotes: readonly ReplyQuote[]): ReplyAction[] {
  return quotes.flatMap((quote, i) => invocationButton(`Context ${i + 1}`, { command: contextCommand.name, args: { passage: quote.passageId } }, { quote: i }) ?? []);
}
