import type { KnowledgeDocument } from "../../../../knowledge/index.js";
import { findThesis } from "../../../shared/findThesis.js";
import { evidenceUnitsOf, findUnitByPhrase, unitsOfPassage, type EvidenceUnit } from "../evidenceUnits.js";
import { findContrasts, type Contrast } from "../findContrasts.js";
import { readStatement, type Statement } from "./readStatement.js";

/**
 * Cue words that set one claim against another. "Meanwhile" is not among them: it puts two stands side by
 * side ("The union, meanwhile, refuses …") without saying that either answers the other.
 */
const OPPOSING_CUES = new Set([
  "however", "conversely", "yet", "but", "nevertheless", "nonetheless", "in contrast", "by contrast",
  "on the other hand", "instead", "still",
]);
/** Cues that answer what came before, granting it first: "X. However, Y." */
const CONCEDING_CUES = new Set(["however", "yet", "but", "nevertheless", "nonetheless", "still"]);
/** Who speaks for the other side: "Critics contend …", "Opponents also warn …". */
const COUNTER_VOICE = /^(?:(?:however|yet|but),?\s+)?(?:some\s+|many\s+|most\s+)?(?:critics|opponents|sceptics|skeptics|detractors)\b/i;
/** A sentence attributing a claim: "Scholars like X (2014) argue that …", "Supporters argue that …". */
export const REPORTED_CLAIM = /\b(?:argues?|argued|contends?|contended|suggests?|suggested|claims?|claimed|maintains?|maintained|insists?|insisted|warns?|warned|believes?|believed)\b/i;
const INNER_CLAUSE = /(?:^|[\s,;])(?:but|while|whereas|although|though)\s/gi;

/**
 * What a document argues, read once per document: every sentence read for stance, which sentences the text
 * sets against which, its thesis and conclusion, and the passages its topic file names as the thesis's
 * evidence. Stance toward any claim is judged against this map.
 */
export interface ArgumentMap {
  document: KnowledgeDocument;
  units: EvidenceUnit[];
  contrasts: Contrast[];
  /** Pairs of units the text sets against each other with an opposing cue ("However", "Conversely"). */
  opposed: Array<[EvidenceUnit, EvidenceUnit]>;
  /** Units that voice the other side ("Critics contend …"). */
  counterVoices: Set<string>;
  /** Units the text grants and then answers ("X. However, Y."): the side it concedes. */
  conceded: Set<string>;
  thesis: EvidenceUnit[];
  conclusion: EvidenceUnit[];
  /** Units the topic file names as evidence for the thesis. */
  thesisEvidence: Set<string>;
  statementOf(unit: EvidenceUnit): Statement;
  /** Each clause of a unit that holds two sides ("X, but Y"), read on its own. */
  clausesOf(unit: EvidenceUnit): Statement[];
  /** In how many units a term occurs. */
  frequency(term: string): number;
}

const maps = new WeakMap<KnowledgeDocument, ArgumentMap>();

export function argumentMapOf(document: KnowledgeDocument): ArgumentMap {
  let map = maps.get(document);
  if (!map) {
    map = buildArgumentMap(document);
    maps.set(document, map);
  }
  return map;
}

function buildArgumentMap(document: KnowledgeDocument): ArgumentMap {
  const units = evidenceUnitsOf(document);
  const contrasts = findContrasts(units);
  const opposed = contrasts
    .filter((contrast) => contrast.kind === "between" && contrast.second && OPPOSING_CUES.has(contrast.cue))
    .map((contrast): [EvidenceUnit, EvidenceUnit] => [contrast.first, contrast.second!]);
  const counterVoices = new Set(units.filter((unit) => COUNTER_VOICE.test(unit.text)).map((unit) => unit.key));
  const conceded = new Set(
    contrasts.filter((contrast) => contrast.kind === "between" && CONCEDING_CUES.has(contrast.cue)).map((contrast) => contrast.first.key),
  );

  const thesisPassages = findThesis(document, document.topics?.topics.find((topic) => topic.answer)?.answer?.passage);
  const thesis = thesisPassages.flatMap((passage) => unitsOfPassage(passage)).slice(0, 2);
  const conclusionSection = document.sections.filter((section) => /conclu|summary|closing/i.test(section.heading)).at(-1);
  const conclusion = conclusionSection ? units.filter((unit) => unit.passage.sectionIndex === conclusionSection.index) : [];
  const thesisEvidence = new Set<string>();
  for (const topic of document.topics?.topics ?? []) {
    for (const reason of topic.reasons) {
      for (const phrase of reason.evidence ?? []) {
        const unit = findUnitByPhrase(units, phrase);
        if (unit) thesisEvidence.add(unit.key);
      }
    }
  }

  const frequencies = new Map<string, number>();
  const statements = new Map<string, Statement>();
  for (const unit of units) {
    const statement = readStatement(claimedContent(unit.text));
    statements.set(unit.key, statement);
    for (const term of statement.terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  const clauses = new Map<string, Statement[]>();
  return {
    document,
    units,
    contrasts,
    opposed,
    counterVoices,
    conceded,
    thesis,
    conclusion,
    thesisEvidence,
    statementOf: (unit) => statements.get(unit.key) ?? readStatement(claimedContent(unit.text)),
    clausesOf: (unit) => {
      let found = clauses.get(unit.key);
      if (!found) {
        found = splitClauses(claimedContent(unit.text)).map((clause) => readStatement(clause));
        clauses.set(unit.key, found);
      }
      return found;
    },
    frequency: (term) => frequencies.get(term) ?? 0,
  };
}

const ATTRIBUTION = /^(?:[^.;(]|\([^)]*\)){0,160}?\b(?:argues?|argued|contends?|contended|suggests?|suggested|claims?|claimed|maintains?|maintained|insists?|insisted|warns?|warned|believes?|believed|fears?|feared)\s+(?:that\s+)?/i;

/**
 * What a sentence claims, without who claims it: "Scholars like X (2014) argue that wage rises …" is
 * read from "wage rises …", so the speaker's words ("Western analysts") are not taken for its subject.
 */
export function claimedContent(text: string): string {
  const match = ATTRIBUTION.exec(text);
  return match && match[0].length < text.length - 20 ? text.slice(match[0].length) : text;
}

/** "A, but B" → ["A", "but B"]; a sentence with no inner contrast is one clause. */
function splitClauses(text: string): string[] {
  const cuts = [...text.matchAll(INNER_CLAUSE)].map((match) => match.index! + (match[0].length - match[0].trimStart().length));
  const clauses: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut - start < 15) continue;
    clauses.push(text.slice(start, cut).trim());
    start = cut;
  }
  clauses.push(text.slice(start).trim());
  return clauses.filter(Boolean);
}
