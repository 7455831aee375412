import type { KnowledgeBase, KnowledgeDocument } from "../../knowledge/index.js";
import { findThesis } from "../findThesis.js";
import { curatedMotionsOf } from "./curatedMotions.js";
import { evidenceUnitsOf, findUnitByPhrase, unitsOfPassage, type EvidenceUnit } from "./evidenceUnits.js";
import { findContrasts, type Contrast } from "./findContrasts.js";
import { motionStatement } from "./motionStatement.js";
import { termsOf } from "./textSimilarity.js";

export type MotionOrigin = "curated" | "thesis" | "contrast" | "conclusion" | "topic";

export interface Motion {
  statement: string;
  origin: MotionOrigin;
  /** The sentences each side starts from; the rest of its evidence is found around them. */
  proposition: EvidenceUnit[];
  opposition: EvidenceUnit[];
  questions: string[];
  topics: string[];
}

/** Past this, the "seen" bitmask in a button would not fit Discord's 100-character custom_id. */
export const MAX_MOTIONS = 64;
const MODAL = /\b(?:will|must|cannot|can't|should|may|might)\b/i;

/** Everything a debate needs from a document, worked out once per request (the documents are small). */
export interface DebateMaterial {
  document: KnowledgeDocument;
  units: EvidenceUnit[];
  contrasts: Contrast[];
}

export function debateMaterialOf(document: KnowledgeDocument): DebateMaterial {
  const units = evidenceUnitsOf(document);
  return { document, units, contrasts: findContrasts(units) };
}

/**
 * The document's motions in a fixed order (so a button's "seen" set means the same on every click):
 * curated motions first, then the thesis, every contrast the text draws, and the conclusion. A derived
 * motion that would restate a curated one (same opening evidence) is left out.
 */
export function findMotions(material: DebateMaterial): Motion[] {
  const { document, units, contrasts } = material;
  const motions: Motion[] = [];
  const taken = new Set<string>();
  const add = (motion: Motion) => {
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
      origin: "curated",
      proposition: pin(curated.proposition),
      opposition: pin(curated.opposition),
      questions: curated.questions,
      topics: curated.topics,
    });
  }

  const thesis = findThesis(document)[0];
  const thesisUnit = thesis ? unitsOfPassage(thesis)[0] : undefined;
  if (thesisUnit) add(derived(document, thesisUnit, [], "thesis"));

  for (const contrast of contrasts) {
    add(derived(document, contrast.first, contrast.second ? [contrast.second] : [], "contrast"));
  }

  const conclusion = document.sections.filter((section) => /conclu|summary|closing/i.test(section.heading)).at(-1);
  if (conclusion) {
    const closing = units.filter((unit) => unit.passage.sectionIndex === conclusion.index);
    const claim = closing.find((unit) => MODAL.test(unit.text)) ?? closing.at(-1);
    if (claim) add(derived(document, claim, [], "conclusion"));
  }
  return motions.slice(0, MAX_MOTIONS);
}

/** An ad-hoc motion on a sentence a topic search found, when no listed motion is about the topic. */
export function motionFromUnit(document: KnowledgeDocument, unit: EvidenceUnit, topic: string): Motion {
  return { ...derived(document, unit, [], "topic"), topics: [topic] };
}

function derived(document: KnowledgeDocument, claim: EvidenceUnit, answers: EvidenceUnit[], origin: MotionOrigin): Motion {
  return { statement: motionStatement(claim.text, document), origin, proposition: [claim], opposition: answers, questions: [], topics: [] };
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
