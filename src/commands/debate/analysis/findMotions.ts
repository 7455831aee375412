import type { KnowledgeBase, KnowledgeDocument } from "../../../knowledge/index.js";
import { curatedMotionsOf } from "./curatedMotions.js";
import { findUnitByPhrase, type EvidenceUnit } from "./evidenceUnits.js";
import { claimOf, isArguable, motionStatement } from "./motionStatement.js";
import { argumentMapOf, REPORTED_CLAIM, type ArgumentMap } from "./stance/argumentMap.js";
import { termsOf } from "./textSimilarity.js";

export type MotionOrigin = "curated" | "thesis" | "contrast" | "argued" | "conclusion" | "topic";

export interface Motion {
  statement: string;
  /** The claim the motion puts, without "This house believes that": what stance is judged against. */
  claim: string;
  origin: MotionOrigin;
  /** The sentences each side starts from; the rest of its evidence is found by stance around them. */
  proposition: EvidenceUnit[];
  opposition: EvidenceUnit[];
  questions: string[];
  topics: string[];
}

/** Past this, the "seen" bitmask in a button would not fit Discord's 100-character custom_id. */
export const MAX_MOTIONS = 64;
const MODAL = /\b(?:will|must|cannot|can't|should|may|might)\b/i;
const HOUSE = /^this house (?:believes|would)(?: that)?\s+/i;

/** Everything a debate needs from a document: its argument map, read once per document. */
export type DebateMaterial = ArgumentMap;

export function debateMaterialOf(document: KnowledgeDocument): DebateMaterial {
  return argumentMapOf(document);
}

/**
 * The document's motions in a fixed order (so a button's "seen" set means the same on every click):
 * curated motions first, then the thesis, the claims the text argues over (one side set against another,
 * or a claim it attributes to someone who argues it), and the conclusion. Every derived motion is an
 * arguable claim, whole; a sentence that only reports a fact makes none. A derived motion that would restate
 * an earlier one (same opening sentence) is left out.
 */
export function findMotions(material: DebateMaterial): Motion[] {
  const { document, units } = material;
  const motions: Motion[] = [];
  const taken = new Set<string>();
  const add = (motion: Motion | null) => {
    if (!motion) return;
    const seed = motion.proposition[0];
    if (motion.origin !== "curated" && seed && taken.has(seed.key)) return;
    motion.proposition.forEach((unit) => taken.add(unit.key));
    motion.opposition.forEach((unit) => taken.add(unit.key));
    motions.push(motion);
  };

  for (const curated of curatedMotionsOf(document)) {
    const pin = (phrases: string[]) => phrases.flatMap((phrase) => findUnitByPhrase(units, phrase) ?? []);
    add({
      statement: curated.motion,
      claim: curated.motion.replace(HOUSE, "").replace(/\.$/, ""),
      origin: "curated",
      proposition: pin(curated.proposition),
      opposition: pin(curated.opposition),
      questions: curated.questions,
      topics: curated.topics,
    });
  }

  const thesisUnit = material.thesis[0];
  if (thesisUnit) add(derived(document, thesisUnit, [], "thesis"));

  // The text's own arguments: a claim answered by another ("However", "Conversely"), then claims it
  // attributes to someone who argues them ("Critics contend that …").
  for (const [first, second] of material.opposed) add(derived(document, first, [second], "contrast"));
  for (const unit of units) if (REPORTED_CLAIM.test(unit.text)) add(derived(document, unit, [], "argued"));

  const closing = material.conclusion;
  const claim = closing.find((unit) => MODAL.test(unit.text) && motionStatement(unit.text, document)) ?? closing.find((unit) => motionStatement(unit.text, document));
  if (claim) add(derived(document, claim, [], "conclusion"));
  return motions.slice(0, MAX_MOTIONS);
}

/** An ad-hoc motion on a sentence a topic search found, when no listed motion is about the topic. */
export function motionFromUnit(document: KnowledgeDocument, unit: EvidenceUnit, topic: string): Motion | null {
  const motion = derived(document, unit, [], "topic");
  return motion && { ...motion, topics: [topic] };
}

function derived(document: KnowledgeDocument, opening: EvidenceUnit, answers: EvidenceUnit[], origin: MotionOrigin): Motion | null {
  const statement = motionStatement(opening.text, document);
  const claim = claimOf(opening.text, document);
  if (!statement || !claim) return null;
  return { statement, claim, origin, proposition: [opening], opposition: answers, questions: [], topics: [] };
}

/** True when a sentence makes an arguable claim a motion can be built on. */
export function makesArguableClaim(document: KnowledgeDocument, unit: EvidenceUnit): boolean {
  const claim = claimOf(unit.text, document);
  return claim !== null && isArguable(claim, unit.text);
}

/**
 * The motions about a topic: those naming it (in the motion, its curated topics or its opening evidence),
 * then those whose opening evidence is among the passages the search ranks best for it.
 */
export function motionsAbout(knowledge: KnowledgeBase, material: DebateMaterial, motions: readonly Motion[], topic: string): Motion[] {
  const wanted = termsOf(topic);
  if (wanted.size === 0) return [];
  const names = (text: string) => [...termsOf(text)].some((term) => wanted.has(term));
  const hits = new Set(
    knowledge.search(topic, { documentId: material.document.id, limit: 3 }).hits.map((hit) => hit.passage.id),
  );
  const seeds = (motion: Motion) => [...motion.proposition, ...motion.opposition];
  const named = motions.filter(
    (motion) => names(motion.statement) || motion.topics.some(names) || seeds(motion).some((unit) => names(unit.text)),
  );
  const searched = motions.filter((motion) => !named.includes(motion) && seeds(motion).some((unit) => hits.has(unit.passage.id)));
  return [...named, ...searched];
}
