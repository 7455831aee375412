import type { CommandDefinition } from "../types.js";
import { auditCommand } from "./auditCommand.js";
import { compareCommand } from "./compareCommand.js";
import { counterCommand } from "./counterCommand.js";
import { createDebateCommand } from "./debateCommand.js";
import { createPromptCommand } from "./promptCommand.js";
import { createTeamsCommand } from "./teamsCommand.js";
import { timerCommand } from "./timerCommand.js";

export interface DebateCommandOptions {
  /** [0, 1) like Math.random: which motion or prompt comes next, and the /teams draw. Tests pin it. */
  random?: () => number;
}

/** The debate-club commands, with their randomness injectable for tests. */
export function createDebateCommands(options: DebateCommandOptions = {}): CommandDefinition[] {
  const random = options.random ?? Math.random;
  return [
    createDebateCommand(random),
    counterCommand,
    compareCommand,
    createTeamsCommand(random),
    timerCommand,
    createPromptCommand(random),
    auditCommand,
  ];
}

/** The debate-club commands (/debate, /counter, /compare, /teams, /timer, /prompt, /audit). */
export const debateCommands: CommandDefinition[] = createDebateCommands();
