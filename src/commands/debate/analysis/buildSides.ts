import type { KnowledgeBase } from "../../../knowledge/index.js";
import { unitsOverlap, type EvidenceUnit } from "./evidenceUnits.js";
import { evidenceBothWays, MIN_GOOD_EVIDENCE } from "./counterEvidence.js";
import type { DebateMaterial, Motion } from "./findMotions.js";

export { MIN_GOOD_EVIDENCE };
export const MAX_EVIDENCE = 4;
const SIDE_RELEVANCE = 0.2;
/** Wording of the other valence alone puts a sentence on a side only when it is squarely on the motion's subject. */
const TONE_RELEVANCE = 0.4;

/** A quoted sentence on one side, and in a few words why it stands there. */
export interface SideEvidence {
  unit: EvidenceUnit;
  reason: string;
}

export interface DebateSides {
  proposition: SideEvidence[];
  opposition: SideEvidence[];
}

/**
 * Each side's evidence: the sentences the motion opens with (pinned in the topic file, or the sentence a
 * derived motion is drawn from and the one the text sets against it), then the sentences whose stance on
 * the motion's claim puts them on that side (see judgeStance), strongest first. No sentence is on both
 * sides, and a side the document does not argue stays short: it is never padded with off-topic sentences.
 */
export function buildSides(material: DebateMaterial, motion: Motion, knowledge?: KnowledgeBase): DebateSides {
  const used: EvidenceUnit[] = [];
  const take = (side: SideEvidence[], unit: EvidenceUnit, reason: string) => {
    if (side.length >= MAX_EVIDENCE || used.some((other) => unitsOverlap(other, unit))) return;
    side.push({ unit, reason });
    used.push(unit);
  };
  const proposition: SideEvidence[] = [];
  const opposition: SideEvidence[] = [];
  const opening = motion.origin === "curated" ? "named for this side in the topic file" : "the sentence the motion is drawn from";
  motion.proposition.forEach((unit) => take(proposition, unit, opening));
  motion.opposition.forEach((unit) =>
    take(opposition, unit, motion.origin === "curated" ? "named for this side in the topic file" : "the text sets it against the motion's sentence"),
  );

  const options = { claimUnits: motion.proposition, opposingUnits: motion.opposition, knowledge };
  const { against, supports } = evidenceBothWays(material, motion.claim, options);
  // A sentence the text puts on both sides is left off both.
  const contested = (unit: EvidenceUnit, others: typeof against) => others.some((other) => other.unit.key === unit.key);
  // A debate side is a case to argue: a sentence that shares only a word or two with the motion is not part of it.
  const onTopic = (stance: (typeof against)[number]) =>
    stance.relevance >= (stance.toneOnly ? TONE_RELEVANCE : SIDE_RELEVANCE) && !contested(stance.unit, stance.side === "against" ? supports : against);
  for (const stance of supports.filter(onTopic)) take(proposition, stance.unit, reasonFor(stance.reason));
  for (const stance of against.filter(onTopic)) take(opposition, stance.unit, reasonFor(stance.reason));
  return { proposition, opposition };
}

/** "Cuts against it: says “refuses”" reads, under a side's label, as "says “refuses”". */
function reasonFor(reason: string): string {
  return reason.replace(/^(?:Cuts against it|Supports it)(?::\s*)?/, "") || "its stance on the motion";
}
