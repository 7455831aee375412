import type { KnowledgeBase } from "../knowledge/index.js";
import { askCommand } from "./core/ask.js";
import { citeCommand } from "./core/cite.js";
import { contextCommand } from "./core/context.js";
import { docsCommand } from "./core/docs.js";
import { createHelpCommand, HELP_COMMAND } from "./core/help.js";
import { sectionCommand } from "./core/section.js";
import { sourceCommand } from "./core/source.js";
import { thesisCommand } from "./core/thesis.js";
import { topicCommands } from "./core/topicCommands.js";
import { insightsCommand } from "./admin/insightsCommand.js";
import { createSettingsCommand } from "./admin/settingsCommand.js";
import { auditCommand } from "./debate/commands/auditCommand.js";
import { compareCommand } from "./debate/commands/compareCommand.js";
import { counterCommand } from "./debate/commands/counterCommand.js";
import { createDebateCommand } from "./debate/commands/debateCommand.js";
import { createPromptCommand } from "./debate/commands/promptCommand.js";
import { createTeamsCommand } from "./debate/commands/teamsCommand.js";
import { timerCommand } from "./debate/commands/timerCommand.js";
import { CommandRegistry, type CommandRegistryOptions } from "./registry/commandRegistry.js";
import type { CommandDefinition } from "./registry/types.js";
import { documentExamples, withExamples } from "./shared/documentExamples.js";

export { CommandRegistry, normalizeCommandName, type CommandRegistryOptions } from "./registry/commandRegistry.js";
export { renderCommandTable } from "./registry/commandTable.js";
export { parseCommandText } from "./registry/parseCommandText.js";
export { wrapCommandRuns, type CommandMiddleware, type RunCommand } from "./registry/wrapCommandRuns.js";
export { documentOption } from "./shared/chooseDocument.js";
export { FIND_IN_DOCUMENT, findInDocument } from "./core/findInDocument.js";
export { HELP_COMMAND } from "./core/help.js";

/** The command a plain question runs: a console line without a slash, the `ask` script's question. */
export const QUESTION_COMMAND = askCommand.name;
export type * from "./registry/types.js";
export type * from "../reply/types.js";

export interface CommandListOptions {
  /** [0, 1) like Math.random: which motion or prompt comes next, and the /teams draw. Tests pin it. */
  random?: () => number;
}

/** Where the topic commands the loaded documents bring (`/why-stalled`) stand in the list. */
const TOPIC_COMMANDS = Symbol("topic commands");

/**
 * Every built-in command, in the order /help, Slack's manifest, Discord's registration and the README list
 * them: the commands every deployment has, then the loaded documents' topic commands, then the debate-club
 * commands. Adding a command is one module and one line here.
 */
function commandList(random: () => number): Array<CommandDefinition | typeof TOPIC_COMMANDS> {
  return [
    askCommand,
    sourceCommand,
    citeCommand,
    thesisCommand,
    sectionCommand,
    contextCommand,
    docsCommand,
    TOPIC_COMMANDS,
    createDebateCommand(random),
    counterCommand,
    compareCommand,
    createTeamsCommand(random),
    timerCommand,
    createPromptCommand(random),
    auditCommand,
    insightsCommand,
  ];
}

/**
 * The full command list for some knowledge: the built-in commands, the topic commands its documents bring,
 * and /help over all of them. Without knowledge (tooling that needs names and options only), no topic commands.
 */
export function commandsFor(knowledge?: KnowledgeBase, options: CommandListOptions = {}): CommandDefinition[] {
  const list = commandList(options.random ?? Math.random);
  const builtIn = list.filter((entry): entry is CommandDefinition => entry !== TOPIC_COMMANDS);
  const settings = createSettingsCommand(() => commands.map((command) => command.name));
  const reserved = new Set([...builtIn.map((command) => command.name), settings.name, HELP_COMMAND]);
  const topics = knowledge ? topicCommands(knowledge, reserved) : [];
  // Examples in descriptions come from the documents loaded, or stay generic without them.
  const examples = documentExamples(knowledge);
  const commands = list.flatMap((entry) => (entry === TOPIC_COMMANDS ? topics : [entry])).map((command) => withExamples(command, examples));
  commands.push(settings, createHelpCommand(() => commands));
  return commands;
}

/**
 * The registry adapters use. Topic commands come from the knowledge as loaded now; a reload that adds a
 * new topic needs a restart (and, on Discord, re-registration) for the new command to appear.
 */
export function createCommandRegistry(
  getKnowledge: () => KnowledgeBase,
  options: CommandRegistryOptions & CommandListOptions = {},
  extraCommands: readonly CommandDefinition[] = [],
): CommandRegistry {
  return new CommandRegistry([...commandsFor(getKnowledge(), options), ...extraCommands], getKnowledge, options);
}
