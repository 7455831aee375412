import type { ArgumentMap } from "./stance/argumentMap.js";
import { judgeStance, type Stance, type StanceOptions } from "./stance/judgeStance.js";

/** Fewer good passages than this for a side, and the reply says the document offers little for it. */
export const MIN_GOOD_EVIDENCE = 2;
/** A weaker passage than this share of the strongest is padding, not evidence. */
const KEEP_SHARE = 0.6;
const MIN_STRENGTH = 0.5;

/**
 * The sentences that cut against a claim, strongest first, each with its reason (see judgeStance). Only
 * sentences the text puts against it; never the claim's own sentences.
 */
export function counterEvidence(map: ArgumentMap, claimText: string, options: StanceOptions = {}): Stance[] {
  return strongest(judgeStance(map, claimText, options).filter((stance) => stance.side === "against"));
}

/** Both at once, for a debate's two sides: the stance rules run once. */
export function evidenceBothWays(map: ArgumentMap, claimText: string, options: StanceOptions = {}): { against: Stance[]; supports: Stance[] } {
  const stances = judgeStance(map, claimText, options);
  return { against: strongest(stances.filter((s) => s.side === "against")), supports: strongest(stances.filter((s) => s.side === "supports")) };
}

/** The sentences that support a claim, strongest first. */
export function supportingEvidence(map: ArgumentMap, claimText: string, options: StanceOptions = {}): Stance[] {
  return strongest(judgeStance(map, claimText, options).filter((stance) => stance.side === "supports"));
}

function strongest(stances: readonly Stance[]): Stance[] {
  const top = stances[0]?.strength ?? 0;
  return stances.filter((stance) => stance.strength >= MIN_STRENGTH && stance.strength >= top * KEEP_SHARE);
}
