import { unitsOverlap, type EvidenceUnit } from "./evidenceUnits.js";
import { contrastPartners } from "./findContrasts.js";
import type { DebateMaterial } from "./findMotions.js";
import { similarity, termsOf } from "./textSimilarity.js";

/** A concession ("talks briefly raised hopes", "cooperation was possible but …") is the likeliest other side. */
const CONCESSION_BONUS = 0.15;
const CONCEDING_CUES = new Set(["however", "but", "yet", "nevertheless", "nonetheless", "while", "whereas", "although", "though"]);

/**
 * The sentences that cut against a claim or show its other side: first the sentences the text sets
 * directly against it (its contrast partners), then the other contested sentences of the document, those
 * closest to the claim's subject first. Never the claim's own sentences.
 */
export function counterEvidence(material: DebateMaterial, claim: readonly EvidenceUnit[], claimText: string): EvidenceUnit[] {
  const outside = (unit: EvidenceUnit) => !claim.some((own) => unitsOverlap(own, unit));
  const partners = claim.flatMap((unit) => contrastPartners(material.contrasts, unit)).filter(outside);

  const claimTerms = termsOf(claimText);
  const scored = new Map<string, { unit: EvidenceUnit; score: number }>();
  for (const contrast of material.contrasts) {
    const conceding = CONCEDING_CUES.has(contrast.cue) ? CONCESSION_BONUS : 0;
    const sides = contrast.second ? [contrast.first, contrast.second] : [contrast.first];
    sides.forEach((unit, i) => {
      if (!outside(unit)) return;
      // Of "X. However, Y.", X is the concession; a "within" sentence concedes inside itself.
      const score = similarity(claimTerms, termsOf(unit.text)) + (i === 0 ? conceding : 0);
      const known = scored.get(unit.key);
      if (!known || known.score < score) scored.set(unit.key, { unit, score });
    });
  }
  const contested = [...scored.values()]
    .sort((a, b) => b.score - a.score || a.unit.passage.index - b.unit.passage.index)
    .map((entry) => entry.unit);
  return uniqueUnits([...partners, ...contested]);
}

export function uniqueUnits(units: readonly EvidenceUnit[]): EvidenceUnit[] {
  const kept: EvidenceUnit[] = [];
  for (const unit of units) if (!kept.some((other) => unitsOverlap(other, unit))) kept.push(unit);
  return kept;
}
