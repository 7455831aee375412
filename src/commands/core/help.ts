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
    handler: () => ({
      title: "Ground Truth commands",
      text: "Every answer quotes the document word for word, with its citations. Commands reply privately unless you add for: @person.",
      quotes: [],
      fields: commands().map((command) => ({
        label: `/${command.name}${command.usage ? ` ${command.usage}` : ""}`,
        value: command.description,
      })),
      visibility: "private",
      kind: "notice",
    }),
  };
}
