import type { CommandRegistry, CommandUser, Reply } from "../../commands/index.js";
import { FIND_IN_DOCUMENT_COMMAND } from "./actionIds.js";

/**
 * "Find in document" is `/ask` with the message as the question. The text goes in as the command's main
 * option rather than as typed text, so words in a message that look like options (`for:`, `doc:`) are
 * searched, not parsed.
 */
export function runFindInDocument(
  registry: CommandRegistry,
  question: string,
  user: CommandUser,
  command: string = FIND_IN_DOCUMENT_COMMAND,
): Promise<Reply> {
  const main = registry.get(command)?.options.find((option) => option.main)?.name ?? "question";
  return registry.run({ command, text: "", args: { [main]: question }, user, platform: "slack" });
}
