/**
 * The reply cache hands the same reply object to every request that asks the same thing, so cached replies
 * are frozen: nothing downstream can change one user's answer for the next. A frozen value never changes,
 * so whatever is computed from it (a rendering, a JSON body) can be kept beside it and dropped with it.
 */

/**
 * Freezes a value and everything reachable from it; returns the value. Byte buffers cannot be frozen (the
 * engine refuses) and are left as they are: the only ones kept here are response bodies, which are only
 * ever written out.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * `compute`, remembered per frozen argument (in a WeakMap, so it is forgotten with the argument) and frozen
 * in turn, so a memoized result can feed the next memoized step. Unfrozen arguments are computed every time.
 */
export function memoizeForFrozen<T extends object, R>(compute: (value: T) => R): (value: T) => R {
  const kept = new WeakMap<T, R>();
  return (value) => {
    if (!Object.isFrozen(value)) return compute(value);
    if (kept.has(value)) return kept.get(value)!;
    const result = deepFreeze(compute(value));
    kept.set(value, result);
    return result;
  };
}
