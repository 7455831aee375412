import type { KnowledgeBase } from "../knowledge/index.js";
import { askCommand } from "./ask.js";
import { CommandRegistry, type CommandRegistryOptions } from "./commandRegistry.js";
import { debateCommands } from "./debate/index.js";
import { createHelpCommand } from "./help.js";
import type { CommandDefinition } from "./types.js";

export { CommandRegistry, type CommandRegistryOptions } from "./commandRegistry.js";
export type * from "./types.js";
export type * from "./reply.js";

/** The commands every deployment has, whatever documents are loaded. */
const coreCommands: CommandDefinition[] = [askCommand];

/**
 * The full command list for some knowledge: the core commands, the topic commands its documents bring
 * (`/why-stalled`), the debate commands, and /help over all of them.
 */
export function commandsFor(knowledge?: KnowledgeBase): CommandDefinition[] {
  void knowledge;
  const commands: CommandDefinition[] = [...coreCommands, ...debateCommands];
  commands.push(createHelpCommand(() => commands));
  return commands;
}

/** The commands without any knowledge loaded (no topic commands): for tooling that only needs names. */
export const allCommands: CommandDefinition[] = commandsFor();

/**
 * The registry adapters use. Topic commands come from the knowledge as loaded now; a reload that adds a
 * new topic needs a restart (and, on Discord, re-registration) for the new command to appear.
 */
export function createCommandRegistry(getKnowledge: () => KnowledgeBase, options?: CommandRegistryOptions): CommandRegistry {
  return new CommandRegistry(commandsFor(getKnowledge()), getKnowledge, options);
}
