import type { CommandRegistry } from "./commandRegistry.js";
import type { Reply } from "../../reply/types.js";
import type { CommandRequest } from "./types.js";

export type RunCommand = (request: CommandRequest) => Promise<Reply>;

/** Code around every command run: it may answer itself (a rate limit) or call `next` and observe (logging). */
export type CommandMiddleware = (request: CommandRequest, next: RunCommand) => Promise<Reply>;

/**
 * A registry whose every run passes through `middleware`, including the runs behind button clicks
 * (`runInvocation` calls `this.run`, and `this` is the wrapper). The wrapper delegates everything else to
 * the registry through its prototype, so adapters take it wherever they take a registry and cannot bypass it.
 */
export function wrapCommandRuns(registry: CommandRegistry, middleware: CommandMiddleware): CommandRegistry {
  const wrapped = Object.create(registry) as CommandRegistry;
  const next: RunCommand = (request) => registry.run(request);
  Object.defineProperty(wrapped, "run", { value: (request: CommandRequest) => middleware(request, next) });
  return wrapped;
}
