/**
 * Which buttons get a slot when a reply has more than a platform allows. The More button is how a reader
 * reaches the quotes a renderer had to leave out, so it keeps its slot ahead of the others; the rest keep
 * their order.
 */

import type { ReplyAction } from "../reply/types.js";
import { findMoreAction } from "./describeOmission.js";

export function chooseActions<T extends ReplyAction>(actions: readonly T[], capacity: number): T[] {
  if (actions.length <= capacity) return [...actions];
  if (capacity <= 0) return [];
  const more = findMoreAction(actions);
  const kept = new Set<T>(more ? [more as T] : []);
  for (const action of actions) {
    if (kept.size >= capacity) break;
    kept.add(action);
  }
  return actions.filter((action) => kept.has(action));
}
