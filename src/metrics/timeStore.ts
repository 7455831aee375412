import type { Store } from "../store/index.js";

/** Called once per store call with its group (`rateLimits`), operation (`take`), time taken and whether it threw. */
export type StoreCallObserver = (group: string, operation: string, seconds: number, failed: boolean) => void;

/**
 * The same store, each asynchronous call of each group (rateLimits.take, replayKeys.firstSeen, reminders.claimDue…)
 * timed for the metrics. Group and operation names come from the Store interface, never from what is stored, so
 * the number of series stays fixed. Anything that is not a group (backend, health, close) passes through.
 */
export function timeStore(store: Store, observe: StoreCallObserver): Store {
  const groups = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "object" || value === null || typeof property !== "string") {
        return typeof value === "function" ? value.bind(target) : value;
      }
      if (!groups.has(property)) groups.set(property, timeGroup(property, value, observe));
      return groups.get(property);
    },
  });
}

function timeGroup(group: string, target: object, observe: StoreCallObserver): object {
  return new Proxy(target, {
    get(inner, operation) {
      const value: unknown = Reflect.get(inner, operation);
      if (typeof value !== "function" || typeof operation !== "string") return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const settle = (failed: boolean) => observe(group, operation, (performance.now() - started) / 1000, failed);
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(inner, args);
        } catch (error) {
          settle(true);
          throw error;
        }
        if (result instanceof Promise) {
          return result.then(
            (resolved) => (settle(false), resolved),
            (error: unknown) => {
              settle(true);
              throw error;
            },
          );
        }
        settle(false);
        return result;
      };
    },
  });
}
