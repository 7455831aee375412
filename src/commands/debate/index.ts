import type { CommandDefinition } from "../types.js";

/** The debate-club commands (/debate, /counter, /compare, /teams, /timer, /prompt, /audit). */
export const debateCommands: CommandDefinition[] = [];
