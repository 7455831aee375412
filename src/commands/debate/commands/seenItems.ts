import type { ButtonArg } from "../../registry/types.js";

/**
 * The set of items already shown, carried in an "Another motion" or "Another prompt" button as a base-36
 * bitmask (bit i = item i), so any process can answer the click with no session store. 64 items take 13
 * characters.
 */
export const SEEN_ARG: ButtonArg = { name: "seen", description: "The items already shown, as a base-36 bitmask" };

export function encodeSeen(seen: ReadonlySet<number>): string {
  let mask = 0n;
  for (const index of seen) mask |= 1n << BigInt(index);
  return mask.toString(36);
}

/** Bits at or past `count` are dropped: a button from before the items changed must not break. */
export function decodeSeen(value: string | undefined, count: number): Set<number> {
  const seen = new Set<number>();
  if (!value || !/^[0-9a-z]{1,13}$/.test(value)) return seen;
  let mask = 0n;
  for (const digit of value) mask = mask * 36n + BigInt(parseInt(digit, 36));
  for (let i = 0; i < count; i++) if ((mask >> BigInt(i)) & 1n) seen.add(i);
  return seen;
}

export interface PickedItem {
  index: number;
  /** The items shown, this one included: what the next button carries. */
  seen: Set<number>;
  /** Every item had been shown, so the round started again. */
  startedOver: boolean;
}

/**
 * Which of `count` items to show: the pinned one when the argument names one ("Share in channel" posts the
 * item it previewed), else one not yet seen, drawn with `random` ([0, 1), like Math.random); once every item
 * has been seen, the round starts over.
 */
export function pickUnseen(count: number, seenArg: string | undefined, pinnedArg: string | undefined, random: () => number): PickedItem {
  const seen = decodeSeen(seenArg, count);
  const pinned = Number(pinnedArg);
  if (pinnedArg !== undefined && Number.isInteger(pinned) && pinned >= 0 && pinned < count) {
    seen.add(pinned);
    return { index: pinned, seen, startedOver: false };
  }
  let unseen = [...Array(count).keys()].filter((i) => !seen.has(i));
  const startedOver = unseen.length === 0;
  if (startedOver) {
    seen.clear();
    unseen = [...Array(count).keys()];
  }
  const index = unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))]!;
  seen.add(index);
  return { index, seen, startedOver };
}
