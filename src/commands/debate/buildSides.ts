import { unitsOverlap, type EvidenceUnit } from "./evidenceUnits.js";
import { contrastPartners } from "./findContrasts.js";
import { counterEvidence } from "./counterEvidence.js";
import type { DebateMaterial, Motion } from "./findMotions.js";
import { similarity, termsOf } from "./textSimilarity.js";

export const MIN_EVIDENCE = 2;
export const MAX_EVIDENCE = 4;
const TARGET_EVIDENCE = 3;

export interface DebateSides {
  proposition: EvidenceUnit[];
  opposition: EvidenceUnit[];
}

/**
 * Each side's evidence: its opening sentences, the sentences the text sets against the other side's, then
 * the sentences most like its own case and least like the other's. No sentence is on both sides.
 */
export function buildSides(material: DebateMaterial, motion: Motion): DebateSides {
  const used: EvidenceUnit[] = [];
  const take = (side: EvidenceUnit[], unit: EvidenceUnit | undefined) => {
    if (!unit || side.length >= MAX_EVIDENCE || used.some((other) => unitsOverlap(other, unit))) return false;
    side.push(unit);
    used.push(unit);
    return true;
  };
  const proposition: EvidenceUnit[] = [];
  const opposition: EvidenceUnit[] = [];
  motion.proposition.forEach((unit) => take(proposition, unit));
  motion.opposition.forEach((unit) => take(opposition, unit));

  for (const unit of motion.proposition) contrastPartners(material.contrasts, unit).forEach((partner) => take(opposition, partner));
  for (const unit of motion.opposition) contrastPartners(material.contrasts, unit).forEach((partner) => take(proposition, partner));
  if (opposition.length < MIN_EVIDENCE) {
    for (const unit of counterEvidence(material, proposition, motion.statement)) {
      if (opposition.length >= MIN_EVIDENCE) break;
      take(opposition, unit);
    }
  }

  // Then alternate, each side taking the sentence that best fits its case over the other's.
  const caseOf = (side: EvidenceUnit[], extra: string) => termsOf([extra, ...side.map((unit) => unit.text)].join(" "));
  const sides = [
    { units: proposition, extra: motion.statement },
    { units: opposition, extra: "" },
  ];
  for (let round = 0; round < TARGET_EVIDENCE * 2; round++) {
    const side = sides[round % 2]!;
    const other = sides[(round + 1) % 2]!;
    if (side.units.length >= TARGET_EVIDENCE) continue;
    const own = caseOf(side.units, side.extra);
    const theirs = caseOf(other.units, other.extra);
    const best = material.units
      .filter((unit) => !used.some((taken) => unitsOverlap(taken, unit)))
      .map((unit) => {
        const terms = termsOf(unit.text);
        return { unit, fit: similarity(own, terms), score: similarity(own, terms) - 0.5 * similarity(theirs, terms) };
      })
      .filter((entry) => entry.fit > 0 || side.units.length < MIN_EVIDENCE)
      .sort((a, b) => b.score - a.score || a.unit.passage.index - b.unit.passage.index)[0];
    take(side.units, best?.unit);
  }
  return { proposition, opposition };
}
