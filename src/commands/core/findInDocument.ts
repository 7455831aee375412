import { errorReply } from "../../reply/builders.js";
import type { Reply } from "../../reply/types.js";
import type { CommandRegistry } from "../registry/commandRegistry.js";
import type { CommandUser, PlatformTraits } from "../registry/types.js";
import { askCommand } from "./ask.js";

/** The message action both platforms offer, by the name users see in their menus. */
export const FIND_IN_DOCUMENT = "Find in document";

/** The option of /ask a message's text fills: its main one. */
const QUESTION_OPTION = askCommand.options.find((option) => option.main)!.name;

/**
 * "Find in document" on a message: its text asked of the documents as a question (/ask), answered privately
 * to whoever asked, pinging nobody. The text goes in as the question option rather than as typed text, so
 * words in a message that look like options (`for:`, `doc:`) are searched, not parsed. `registry` is the one
 * the platform was given, so the rate limit and the log see the question like any other command.
 */
export async function findInDocument(registry: CommandRegistry, messageText: string, user: CommandUser, platform: PlatformTraits): Promise<Reply> {
  if (!messageText.trim()) return errorReply("Nothing to look up", "That message has no text to look up in the document.");
  const reply = await registry.run({ command: askCommand.name, args: { [QUESTION_OPTION]: messageText }, user, platform });
  return { ...reply, visibility: "private", mentions: undefined };
}
