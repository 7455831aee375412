import { performance } from "node:perf_hooks";
import { normalizeCommandName } from "../commands/registry/commandRegistry.js";
import type { CommandRequest } from "../commands/registry/types.js";
import type { Logger } from "../logger.js";
import { isRateLimitedReply } from "./rateLimitCommands.js";
import type { CommandMiddleware } from "../commands/registry/wrapCommandRuns.js";

export type CommandOutcome = "answer" | "notice" | "error" | "failed" | "rate-limited";

export interface CommandLog {
  /** The registry's `onError`: logs the failure with the reference id the user was shown. */
  onError: (error: unknown, referenceId: string, request: CommandRequest) => void;
  /** One line per command: which, where, how long, and how it ended. */
  middleware: CommandMiddleware;
}

/** Told of every finished command with the outcome the log line gives it (the metrics count from this). */
export type CommandObserver = (request: CommandRequest, outcome: CommandOutcome, durationMs: number) => void;

/**
 * Logs commands in one place for every adapter. Only the command name, platform, timing and outcome are
 * logged: never the text a user typed, and never anything from the request's credentials.
 */
export function createCommandLog(logger: Logger, clock: () => number = () => performance.now(), observe?: CommandObserver): CommandLog {
  const failed = new WeakSet<CommandRequest>();
  /*
   * The per-command line carries four values this function picks (a command name, a platform, a number and
   * an outcome), never an object from outside, so nothing there can hold a secret. Its child logger skips
   * the wildcard redaction that the error lines keep: on every command, that redaction cost three times the
   * rest of the line.
   */
  const lineLogger = logger.child({}, { redact: [] });
  const nameOf = (request: CommandRequest) => normalizeCommandName(request.command).slice(0, 40);
  return {
    onError(error, referenceId, request) {
      failed.add(request);
      logger.error({ err: error, referenceId, command: nameOf(request), platform: request.platform.name }, "command failed");
    },
    async middleware(request, next) {
      const started = clock();
      const reply = await next(request);
      const outcome: CommandOutcome = failed.has(request)
        ? "failed"
        : isRateLimitedReply(reply)
          ? "rate-limited"
          : (reply.kind ?? "answer");
      const elapsedMs = clock() - started;
      observe?.(request, outcome, elapsedMs);
      const durationMs = Math.round(elapsedMs * 10) / 10;
      lineLogger.info({ command: nameOf(request), platform: request.platform.name, durationMs, outcome }, "command");
      return reply;
    },
  };
}
