import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths that may hold a credential. pino removes them before a line is written, so a token passed along
 * in a config object or a request's headers never reaches a log.
 */
export const REDACTED_PATHS = [
  "token", "*.token", "botToken", "*.botToken", "appToken", "*.appToken", "signingSecret", "*.signingSecret",
  "clientSecret", "*.clientSecret", "stateSecret", "*.stateSecret",
  "publicKey", "*.publicKey", "authorization", "*.authorization", "headers.authorization",
  'headers["x-slack-signature"]', 'headers["x-signature-ed25519"]', "req.headers.authorization",
  'req.headers["x-slack-signature"]', 'req.headers["x-signature-ed25519"]', "config.*",
];

export interface LoggerOptions {
  level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; the default when stdout is a terminal. */
  pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  const base = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss" } } });
  }
  return pino(base);
}

/**
 * Where JSON lines go off a terminal (a container's stdout): written synchronously, so the line about a crash
 * is out before the process ends. Writing asynchronously was measured under `npm run load` and made no
 * difference to throughput there, so nothing is traded for the risk of losing the last lines.
 */
export function jsonLineDestination(fd: number): NodeJS.WritableStream {
  // SonicBoom lacks some Writable typings.
  return pino.destination({ dest: fd, sync: true }) as unknown as NodeJS.WritableStream;
}

/** A logger that writes nothing, for tests and for the CLI (whose stdout is its contract). */
export const silentLogger: Logger = pino({ level: "silent" });
