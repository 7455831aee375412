import type { KnowledgeBase } from "../knowledge/index.js";
import { askCommand } from "./ask.js";
import { citeCommand } from "./cite.js";
import { CommandRegistry, type CommandRegistryOptions } from "./commandRegistry.js";
import { contextCommand } from "./context.js";
import { debateCommands } from "./debate/index.js";
import { docsCommand } from "./docs.js";
import { documentExamples, withExamples } from "./documentExamples.js";
import { createHelpCommand } from "./help.js";
import { sectionCommand } from "./section.js";
import { sourceCommand } from "./source.js";
import { thesisCommand } from "./thesis.js";
import { topicCommands } from "./topicCommands.js";
import type { CommandDefinition } from "./types.js";

export { CommandRegistry, type CommandRegistryOptions } from "./commandRegistry.js";
export { renderCommandTable } from "./commandTable.js";
export type * from "./types.js";
export type * from "../reply/types.js";

/** The commands every deployment has, whatever documents are loaded. */
const coreCommands: CommandDefinition[] = [askCommand, sourceCommand, citeCommand, thesisCommand, sectionCommand, contextCommand, docsCommand];

/**
 * The full command list for some knowledge: the core commands, the topic commands its documents bring
 * (`/why-stalled`), the debate commands, and /help over all of them.
 */
export function commandsFor(knowledge?: KnowledgeBase): CommandDefinition[] {
  const fixed = [...coreCommands, ...debateCommands];
  const reserved = new Set([...fixed.map((command) => command.name), "help"]);
  // Examples in descriptions come from the documents loaded, or stay generic without them.
  const examples = documentExamples(knowledge);
  const commands: CommandDefinition[] = [
    ...coreCommands,
    ...(knowledge ? topicCommands(knowledge, reserved) : []),
    ...debateCommands,
  ].map((command) => withExamples(command, examples));
  commands.push(createHelpCommand(() => commands));
  return commands;
}

/**
 * The built-in commands, without topic commands (those depend on the documents loaded; see
 * `createCommandRegistry`). For tooling that needs names and options without loading knowledge.
 */
export const allCommands: CommandDefinition[] = commandsFor();

/**
 * The registry adapters use. Topic commands come from the knowledge as loaded now; a reload that adds a
 * new topic needs a restart (and, on Discord, re-registration) for the new command to appear.
 */
export function createCommandRegistry(
  getKnowledge: () => KnowledgeBase,
  options?: CommandRegistryOptions,
  extraCommands: readonly CommandDefinition[] = [],
): CommandRegistry {
  return new CommandRegistry([...commandsFor(getKnowledge()), ...extraCommands], getKnowledge, options);
}
