import type { Logger } from "../logger.js";

/**
 * The last line of defence: an error nothing caught (a rejected promise nobody awaited, a throw in a timer or
 * an event handler) is logged and the bot keeps serving, instead of Node ending the process and every user's
 * request with it. Each handler already answers its own failures; this is for the one that slipped through,
 * and the log line is how it gets found and fixed. Returns a function that removes the guard.
 */
export function guardProcess(logger: Logger): () => void {
  const onRejection = (reason: unknown) => {
    logger.error({ err: describe(reason) }, "unhandled promise rejection; still serving");
  };
  const onException = (error: Error) => {
    logger.error({ err: describe(error) }, "uncaught exception; still serving");
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}

function describe(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
