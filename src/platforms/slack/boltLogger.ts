import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's logger interface over ours, so its lines get our redaction and format. It starts at WARN and refuses
 * to go below INFO: Bolt's DEBUG lines dump whole payloads and request bodies.
 */
export function toBoltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.WARN): BoltLogger {
  const child = logger.child({ component: "slack-bolt" });
  let level = atLeastInfo(initialLevel);
  const at = (wanted: LogLevel, write: (message: string) => void) => (...parts: unknown[]) => {
    if (SEVERITY[wanted] >= SEVERITY[level]) write(redactBodyExcerpts(redactSlackTokens(parts.map(describe).join(" "))));
  };
  return {
    debug: () => {},
    info: at(LogLevel.INFO, (message) => child.info(message)),
    warn: at(LogLevel.WARN, (message) => child.warn(message)),
    error: at(LogLevel.ERROR, (message) => child.error(message)),
    setLevel: (next: LogLevel) => {
      level = atLeastInfo(next);
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function atLeastInfo(level: LogLevel): LogLevel {
  return SEVERITY[level] < SEVERITY[LogLevel.INFO] ? LogLevel.INFO : level;
}

function describe(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/** Bolt logs strings, which pino's path redaction cannot see into, so tokens are cut from the text itself. */
export function redactSlackTokens(text: string): string {
  return text.replace(/\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g, "[redacted]");
}

/**
 * Bolt's "Malformed request body" and "Failed to parse" lines end with the JSON parser's message, which quotes
 * the first characters of the body (a form's verification token, say). Only the fact is kept.
 */
export function redactBodyExcerpts(text: string): string {
  return text.replace(/^((?:Malformed request body|Failed to parse[^:]*):).*$/s, "$1 [body not logged]");
}
