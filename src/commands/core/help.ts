import { noticeReply } from "../../reply/builders.js";
import type { CommandDefinition } from "../registry/types.js";

export const HELP_COMMAND = "help";

/** /help, generated from the commands it is given so it can never drift from what is registered. */
export function createHelpCommand(commands: () => readonly CommandDefinition[]): CommandDefinition {
  return {
    name: HELP_COMMAND,
    description: "What each command does and how to use it",
    usage: "",
    options: [],
    cacheable: true,
    handler: () =>
      noticeReply(
        "Ground Truth commands",
        "Every answer quotes the document word for word, with its citations. Commands reply privately unless you add for: @person.",
        { fields: commands().map((command) => ({ label: `/${command.name}${command.usage ? ` ${command.usage}` : ""}`, value: command.description })) },
      ),
  };
}
