import type { EvidenceUnit } from "./evidenceUnits.js";

/**
 * Where a document sets one claim against another. Essays signal it with cue words: a sentence that opens
 * "However," / "Conversely," / "Meanwhile," answers the sentence before it ("between"); a sentence with
 * "while", "but", "whereas" or "although" holds both sides itself ("within").
 */
export interface Contrast {
  kind: "between" | "within";
  /** The claim that is answered (between), or the sentence holding both sides (within). */
  first: EvidenceUnit;
  /** The answering sentence (between only). */
  second?: EvidenceUnit;
  /** The cue word as written, lower-cased: `conversely`, `but`. */
  cue: string;
}

const OPENING_CUE = /^(however|conversely|meanwhile|yet|but|nevertheless|nonetheless|in contrast|by contrast|on the other hand|still|instead)\b/i;
/** "The union, meanwhile, refuses …": the cue after the subject. */
const INSERTED_CUE = /^[^,.;]{1,40},\s*(however|conversely|meanwhile|in contrast|by contrast|on the other hand|instead),/i;
const INNER_CUE = /(?:^|[\s,;])(while|whereas|although|though|but)\s/i;

export function findContrasts(units: readonly EvidenceUnit[]): Contrast[] {
  const contrasts: Contrast[] = [];
  units.forEach((unit, i) => {
    const previous = units[i - 1];
    const opening = OPENING_CUE.exec(unit.text) ?? INSERTED_CUE.exec(unit.text);
    if (opening && previous && previous.passage.sectionIndex === unit.passage.sectionIndex) {
      contrasts.push({ kind: "between", first: previous, second: unit, cue: opening[1]!.toLowerCase() });
    }
    // "While X, Y" at the very start, and "X but Y" inside, both hold the two sides in one sentence.
    const withoutOpening = opening ? unit.text.slice(opening[0].length) : unit.text;
    const inner = INNER_CUE.exec(withoutOpening);
    if (inner) contrasts.push({ kind: "within", first: unit, cue: inner[1]!.toLowerCase() });
  });
  return contrasts;
}

/** The units that answer `unit` or that it answers: its partners across a "between" contrast. */
export function contrastPartners(contrasts: readonly Contrast[], unit: EvidenceUnit): EvidenceUnit[] {
  const partners: EvidenceUnit[] = [];
  for (const contrast of contrasts) {
    if (contrast.kind !== "between" || !contrast.second) continue;
    if (contrast.first.key === unit.key) partners.push(contrast.second);
    else if (contrast.second.key === unit.key) partners.push(contrast.first);
  }
  return partners;
}
