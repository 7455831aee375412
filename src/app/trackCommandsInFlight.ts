import type { CommandMiddleware } from "../commands/registry/wrapCommandRuns.js";

export interface InFlightCommands {
  middleware: CommandMiddleware;
  readonly count: number;
  /** Resolves true once no command is running, or false if some still are after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean>;
}

/**
 * Counts commands being answered, so shutdown can wait for them before closing the gateway and Socket Mode
 * connections their answers go out on (the HTTP server waits for its own requests).
 */
export function trackCommandsInFlight(): InFlightCommands {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    middleware: async (request, next) => {
      count++;
      try {
        return await next(request);
      } finally {
        count--;
        if (count === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      }
    },
    get count() {
      return count;
    },
    settled(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
