/**
 * The set of motions already shown, carried in the "Another motion" button as a base-36 bitmask (bit i =
 * motion i), so any process can answer the click with no session store. 64 motions take 13 characters.
 */
export function encodeSeen(seen: ReadonlySet<number>): string {
  let mask = 0n;
  for (const index of seen) mask |= 1n << BigInt(index);
  return mask.toString(36);
}

/** Bits at or past `count` are dropped: a button from before the motions changed must not break. */
export function decodeSeen(value: string | undefined, count: number): Set<number> {
  const seen = new Set<number>();
  if (!value || !/^[0-9a-z]{1,13}$/.test(value)) return seen;
  let mask = 0n;
  for (const digit of value) mask = mask * 36n + BigInt(parseInt(digit, 36));
  for (let i = 0; i < count; i++) if ((mask >> BigInt(i)) & 1n) seen.add(i);
  return seen;
}
