import { QUESTION_COMMAND } from "../../commands/index.js";

/** A typed line as a command: `/source grain deal` → source + "grain deal"; text without a slash is a question for /ask. */
export interface ConsoleLine {
  command: string;
  text: string;
}

export function parseConsoleLine(line: string): ConsoleLine | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  if (!trimmed.startsWith("/")) return { command: QUESTION_COMMAND, text: trimmed };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  return { command: match[1]!, text: match[2]!.trim() };
}
