import { unitsOverlap, type EvidenceUnit } from "../evidenceUnits.js";
import type { ArgumentMap } from "./argumentMap.js";
import { areOpposites, isBlocker, isNegator } from "./polarityLexicon.js";
import { readStatement, type Statement, type StatementWord } from "./readStatement.js";
import type { KnowledgeBase } from "../../../../knowledge/index.js";
import { foldForComparison } from "../../../../text/normalizeText.js";

export type Side = "against" | "supports" | "neutral";

/** Where one sentence stands on a claim, how sure that is, and why, in a few words a debater can check. */
export interface Stance {
  unit: EvidenceUnit;
  side: Side;
  /** How strongly the text puts it on that side (0 when neutral). */
  strength: number;
  /** How much of the claim's subject matter it shares (0 to 1). */
  relevance: number;
  reason: string;
  /** Nothing but the valence of its wording puts it on its side: the weakest signal. */
  toneOnly: boolean;
}

/** Below this share of the claim's weighted words, a sentence is not about the claim. */
const MIN_RELEVANCE = 0.12;
/** How much more one side's signals must weigh before the sentence is put on it. */
const MARGIN = 0.5;
/** A sentence must share this much of the claim before what the text sets against it counts. */
const PROPAGATE_RELEVANCE = 0.4;
/** A sentence whose subject is the claim's subject is about the claim, however common the word. */
const SAME_SUBJECT_RELEVANCE = 0.25;
/** The least a side's signals must weigh: one clear signal (wording of the other valence is one). */
const MIN_SIGNAL = 0.75;
/** A sentence sharing this much of the claim, and nothing against it, restates it. */
const RESTATES = 0.5;
/** A clause sharing this much of the claim, answered by "but" or "yet" in the same sentence, grants it. */
const GRANTED = 0.3;
const ESSAY_SIDE_RELEVANCE = 0.3;
/** Without a pinned sentence, the thesis sides only with sentences this close to the claim. */
const VERDICT_RELEVANCE = 0.2;
const NORMATIVE = /\b(?:should|must|ought|needs? to|has to|have to)\b/i;

interface Signals {
  relevance: number;
  shared: number;
  against: number;
  supports: number;
  reason: string;
  tone: number;
}

/**
 * Every sentence's stance on a claim, strongest first, each with its reason. A sentence is on a side only
 * when something in the text puts it there: a word it denies or affirms against the claim, an opposite
 * word, a refusal, wording of the other valence, a contrast cue that sets it against a sentence the claim
 * restates, or the essay's own thesis that the claim contradicts. `claimUnits` (the claim's own sentences,
 * for a motion) are left out.
 */
export interface StanceOptions {
  /** The claim's own sentences (a motion's opening): they support it, and are not returned. */
  claimUnits?: readonly EvidenceUnit[];
  /** Sentences pinned against it (a curated motion's Opposition): they cut against it, and are not returned. */
  opposingUnits?: readonly EvidenceUnit[];
  /** For the claim's words in the document's own wording: variants, aliases, word families, related words. */
  knowledge?: KnowledgeBase;
}

export function judgeStance(map: ArgumentMap, claimText: string, options: StanceOptions = {}): Stance[] {
  const { claimUnits = [], opposingUnits = [] } = options;
  const claim = readStatement(claimText);
  const weightOf = termWeights(map, claim);
  const wording = claimWording(map, claim, claimText, options.knowledge);
  const signals = new Map<string, Signals>();
  for (const unit of map.units) signals.set(unit.key, directSignals(map, claim, unit, weightOf, wording));
  // Sentences known to state the claim (a motion's opening) or its other side (pinned in the topic file).
  for (const [units, side] of [[claimUnits, "supports"], [opposingUnits, "against"]] as const) {
    for (const unit of units) {
      const own = signals.get(unit.key)!;
      own[side] += 2;
      own.relevance = Math.max(own.relevance, 0.5);
    }
  }

  // The text's own contrasts: what it sets against a sentence that restates the claim cuts against the claim.
  const direct = new Map([...signals].map(([key, value]) => [key, { ...value }]));
  for (const [first, second] of map.opposed) {
    for (const [from, to] of [[first, second], [second, first]] as const) {
      const source = direct.get(from.key)!;
      const target = signals.get(to.key)!;
      const verdict = sideOf(source);
      if (verdict === "neutral" || source.relevance < PROPAGATE_RELEVANCE) continue;
      const weight = 1 + source.relevance;
      if (verdict === "supports") {
        target.against += weight;
        target.relevance = Math.max(target.relevance, source.relevance * 0.8);
        if (target.against - target.supports >= weight) target.reason = `Cuts against it: the text sets it against a sentence that makes your claim (${cueOf(to)})`;
      } else {
        target.supports += weight;
        target.relevance = Math.max(target.relevance, source.relevance * 0.8);
      }
    }
  }

  // The essay's thesis: a claim that denies it is cut against by the evidence the essay gives for it.
  const thesisUnits = [...map.thesis, ...map.conclusion];
  const thesisVerdicts = thesisUnits.map((unit) => signals.get(unit.key)!).filter((s) => s.relevance >= MIN_RELEVANCE);
  const thesisKeys = new Set(thesisUnits.map((unit) => unit.key));
  // The essay's side: its thesis, conclusion and the evidence it names for them. A pinned sentence from it
  // settles which side of the essay a claim is on; failing that, the claim's stance on the thesis does.
  const essaySide = (unit: EvidenceUnit) => thesisKeys.has(unit.key) || map.thesisEvidence.has(unit.key);
  // Only the thesis or conclusion itself settles it: the thesis's evidence may sit on either side of a narrower motion.
  const pinnedStates = claimUnits.some((unit) => thesisKeys.has(unit.key));
  const pinnedDenies = opposingUnits.some((unit) => thesisKeys.has(unit.key));
  const byVerdict = (side: Side) => thesisVerdicts.some((s) => sideOf(s) === side) && !thesisVerdicts.some((s) => sideOf(s) !== side && sideOf(s) !== "neutral");
  const pinned = pinnedStates !== pinnedDenies;
  const statesThesis = pinned ? pinnedStates : byVerdict("supports");
  const deniesThesis = pinned ? pinnedDenies : byVerdict("against");
  if (statesThesis || deniesThesis) {
    // A claim the essay's thesis makes is supported by the evidence the essay gives for it and cut against by
    // what the essay concedes to the other side (what it answers with "However", its critics); a claim that
    // denies the thesis, the other way round. A pinned sentence makes this certain, a verdict only likely.
    const weight = pinned ? 1.5 : 0.75;
    for (const unit of map.units) {
      const own = signals.get(unit.key)!;
      if (own.shared === 0 || (!pinned && own.relevance < VERDICT_RELEVANCE)) continue;
      const essays = essaySide(unit);
      const concedes = !essays && (map.counterVoices.has(unit.key) || map.conceded.has(unit.key));
      if (!essays && !concedes) continue;
      const side: Side = essays === statesThesis ? "supports" : "against";
      own[side] += weight;
      // The essay names it as its thesis's evidence, or as the other side: it is about the thesis, however few words it shares.
      if (pinned) own.relevance = Math.max(own.relevance, ESSAY_SIDE_RELEVANCE);
      if (sideOf(own) !== side) continue;
      const what = thesisKeys.has(unit.key)
        ? "the essay's own thesis or conclusion"
        : essays
          ? "evidence the essay gives for its thesis"
          : map.counterVoices.has(unit.key)
            ? "the other side, as the essay reports it"
            : "what the essay concedes before answering it";
      own.reason = `${side === "supports" ? "Supports it" : "Cuts against it"}: ${what}`;
    }
  }

  return map.units
    .filter((unit) => ![...claimUnits, ...opposingUnits].some((own) => unitsOverlap(own, unit)))
    .map((unit): Stance => {
      const own = signals.get(unit.key)!;
      const side = own.relevance >= MIN_RELEVANCE ? sideOf(own) : "neutral";
      const strength = side === "neutral" ? 0 : Math.abs(own.against - own.supports) * (0.5 + own.relevance);
      const toneOnly = side === "against" && own.tone > 0 && own.against - own.tone < MIN_SIGNAL;
      return { unit, side, strength, relevance: own.relevance, reason: side === "neutral" ? "" : own.reason || defaultReason(side), toneOnly };
    })
    .sort((a, b) => b.strength - a.strength || b.relevance - a.relevance || a.unit.passage.index - b.unit.passage.index);
}

function sideOf(signals: Signals): Side {
  if (signals.against >= MIN_SIGNAL && signals.against >= signals.supports + MARGIN) return "against";
  if (signals.supports >= MIN_SIGNAL && signals.supports >= signals.against + MARGIN) return "supports";
  return "neutral";
}

function defaultReason(side: Side): string {
  return side === "against" ? "Cuts against it" : "Supports it";
}

function cueOf(unit: EvidenceUnit): string {
  const cue = /^(\p{L}+(?:\s+\p{L}+){0,3}?),/u.exec(unit.text)?.[1];
  return cue && cue.split(/\s+/).length <= 4 ? `“${cue}”` : "a contrast";
}

/** Rarer words weigh more: a word in every other sentence says little about what a sentence is about. */
function termWeights(map: ArgumentMap, claim: Statement): (term: string) => number {
  const total = map.units.length;
  return (term) => {
    const frequency = map.frequency(term);
    return Math.log(1 + total / Math.max(frequency, 1));
  };
}

/** The signals one sentence gives about a claim, read clause by clause for a sentence that holds two sides. */
function directSignals(map: ArgumentMap, claim: Statement, unit: EvidenceUnit, weightOf: (term: string) => number, wording: ClaimWording): Signals {
  const whole = inClaimWords(map.statementOf(unit), wording);
  const clauses = whole.statement.clauseCount > 1 ? map.clausesOf(unit).map((clause) => inClaimWords(clause, wording)) : [whole];
  let best: Signals | undefined;
  let bestAt = 0;
  clauses.forEach((clause, i) => {
    const signals = compare(claim, clause, weightOf);
    // The later clause of "X, but Y" is the one the sentence asserts; ties go to it.
    if (!best || signals.relevance >= best.relevance) {
      best = signals;
      bestAt = i;
    }
  });
  const overall = compare(claim, whole, weightOf);
  const result = { ...best!, relevance: Math.max(best!.relevance, overall.relevance * 0.9) };
  // "X, but/yet Y": a claim that restates X is granted, then answered by Y.
  const answer = clauses[bestAt + 1];
  if (answer && /^(?:but|yet)\b/i.test(answer.statement.text) && best!.relevance >= GRANTED && best!.against === 0) {
    result.against += 1;
    result.supports = Math.min(result.supports, 0.5);
    result.reason = `Cuts against it: grants it, then “${answer.statement.text.split(/\s+/).slice(0, 4).join(" ")} …”`;
  }
  return result;
}

function compare(claim: Statement, translated: TranslatedStatement, weightOf: (term: string) => number): Signals {
  const unit = translated.statement;
  const claimTerms = [...claim.terms];
  const claimWeight = claimTerms.reduce((sum, term) => sum + weightOf(term), 0) || 1;
  const shared = claimTerms.filter((term) => unit.terms.has(term));
  const opposites = oppositePairs(claim, unit);
  const linked = new Set([...shared, ...opposites.map(([c]) => c.term ?? c.word)]);
  const sharedHead = claim.subjectHead !== null && unit.subject.includes(claim.subjectHead);
  // A word matched through another form (a related word, a family member) counts for its form's weight.
  const matched = [...linked].reduce((sum, term) => sum + weightOf(term) * (translated.formWeight.get(term) ?? 1), 0);
  const relevance = Math.max(sharedHead ? SAME_SUBJECT_RELEVANCE : 0, Math.min(1, matched / claimWeight));
  const result: Signals = { relevance, shared: linked.size, against: 0, supports: 0, reason: "", tone: 0 };
  if (linked.size === 0) return result;
  const against = (weight: number, reason: string) => {
    if (weight > 0 && (!result.reason || weight >= 1)) result.reason = result.reason && result.against >= weight ? result.reason : reason;
    result.against += weight;
  };

  // The same refusal in both ("voters reject the charge", "rejected by voters") is agreement, not denial.
  const sharedRefusal = claim.verbBlocker !== null && unit.words.some((other) => isBlocker(other.word) && other.word.slice(0, 4) === claim.verbBlocker!.slice(0, 4));
  if (sharedRefusal) result.supports += 1;
  // A word one denies and the other affirms: "would negotiate" against "refuses to negotiate".
  for (const term of sharedRefusal ? [] : shared) {
    // The claim's own denial counts only for its verb ("do not reduce"): a denied object ("rather than X")
    // is contradicted by a sentence that affirms the verb, not by any sentence that names X.
    // A verb that denies its object ("gave up pricing") makes the object the predicate, for the same subject.
    const claimDenies =
      claim.deniedHeads.has(term) && (term === claim.predicateHead || term.startsWith("~") || (claim.predicateHead === null && sharedHead));
    // Likewise only what the sentence's own verb denies: "those who give up driving" denies nothing it says.
    const unitDenies = unit.deniedHeads.has(term) && unit.predicateTerms.has(term);
    if ((claimDenies && !unit.negatedTerms.has(term)) || (unitDenies && !claim.negatedTerms.has(term))) {
      against(1.25, `Cuts against it: ${unitDenies ? `says “${denialOf(unit, term)}”` : `says “${plainWordOf(unit, term)}”, which the claim denies`}`);
    }
  }
  // Opposite words: "good faith" against "bad faith", "possible" against "impossible".
  // Only between sentences on the same subject: "more roads" and "traffic fell" are not opposites.
  for (const [claimWord, unitWord] of shared.length > 0 ? opposites : []) {
    if (claimWord.negated === unitWord.negated) against(1.25, `Cuts against it: “${unitWord.word}” where the claim says “${claimWord.word}”`);
    else result.supports += 1;
  }
  // The same subject, one saying it is so and the other that it is not ("is not a cure", "cannot work").
  const sameSubject = claim.subject.some((term) => unit.terms.has(term)) && unit.subject.some((term) => claim.terms.has(term));
  if (sameSubject && claim.predicateNegated !== unit.predicateNegated) {
    const samePredicate = [...claim.predicateTerms].some((term) => unit.predicateTerms.has(term));
    // "X is out of the question" against "X may be the only viable outcome": the sentence speaks well of X.
    const affirmsWhatIsDenied = claim.predicateNegated && valenceNear(unit, linked) > 0;
    against(samePredicate || affirmsWhatIsDenied ? 1.25 : relevance >= 0.5 ? 1 : 0.5, `Cuts against it: ${unit.predicateNegated ? `says it ${verbGroupOf(unit)}` : "affirms what the claim denies"}`);
  }
  // A refusal or ban about the claim's subject answers a claim that proposes or predicts it.
  // A proposal ("the union should accept the offer") is answered by any refusal of its subject's; a prediction only by
  // a refusal of the same thing ("a charge cannot work" does not answer "a charge will ruin shops").
  const answersIt = NORMATIVE.test(claim.text) || [...claim.predicateTerms].some((term) => unit.terms.has(term));
  if (unit.verbBlocker && answersIt && !claim.blocks && !claim.predicateNegated && claim.subjectHead && unit.subject.includes(claim.subjectHead)) {
    against(1, `Cuts against it: says “${unit.verbBlocker}”`);
  }
  // A proposal ("cities should wait") against a sentence that speaks ill of doing it ("delaying … leaves the
  // streets as crowded"), or well of it.
  if (NORMATIVE.test(claim.text) && !claim.predicateNegated && claim.predicateHead && unit.terms.has(claim.predicateHead)) {
    const verdict = valenceNear(unit, new Set([claim.predicateHead]));
    if (verdict < 0) against(1, `Cuts against it: says doing it would be ${unit.words.find((word) => word.valence < 0)?.word ?? "harmful"}`);
    else if (verdict > 0) result.supports += 0.5;
  }
  // Wording of the other valence on the same subject: "collapsed", "bad faith" against "good faith".
  const claimValence = valenceApart(claim, linked);
  const unitValence = valenceNear(unit, linked);
  if (Math.abs(claimValence) >= 1 && Math.abs(unitValence) >= 2) {
    if (Math.sign(claimValence) !== Math.sign(unitValence)) {
      const words = unit.words.filter((word) => word.valence !== 0 && Math.sign(word.valence) === Math.sign(unitValence) && !linked.has(word.term ?? "")).slice(0, 2);
      result.tone = 0.75;
      against(0.75, `Cuts against it: ${words.map((word) => `“${word.negated ? `not ${word.word}` : word.word}”`).join(", ")}`);
    } else {
      result.supports += 0.5;
    }
  }
  // A sentence that says most of what the claim says, and nothing against it, restates it.
  if (result.against === 0 && relevance >= RESTATES) result.supports += 0.75;
  if (result.supports > result.against && !result.reason.startsWith("Supports")) result.reason = "Supports it: makes the same claim";
  return result;
}

/** Content words of opposite sense, one in the claim and one in the sentence. */
function oppositePairs(claim: Statement, unit: Statement): Array<[StatementWord, StatementWord]> {
  const pairs: Array<[StatementWord, StatementWord]> = [];
  const meaningful = (word: StatementWord) => Boolean(word.term) || isNegator(word.word);
  for (const claimWord of claim.words) {
    if (!meaningful(claimWord)) continue;
    const match = unit.words.find((word) => meaningful(word) && word.term !== claimWord.term && areOpposites(claimWord.word, word.word));
    if (match) pairs.push([claimWord, match]);
  }
  return pairs;
}

/** How far from a shared word a sentence's wording still speaks of it, in words. */
const VALENCE_WINDOW = 6;

/** The valence of the words near the shared subject matter (a long sentence speaks of several things). */
function valenceNear(statement: Statement, linked: ReadonlySet<string>): number {
  const anchors = statement.words.flatMap((word, i) => (word.term && linked.has(word.term) ? [i] : []));
  return statement.words.reduce((sum, word, i) => {
    if (word.term && linked.has(word.term)) return sum;
    return anchors.some((at) => Math.abs(at - i) <= VALENCE_WINDOW) ? sum + word.valence : sum;
  }, 0);
}

/** The sum of valence of the words that are not the shared subject matter. */
function valenceApart(statement: Statement, linked: ReadonlySet<string>): number {
  return statement.words.reduce((sum, word) => sum + (word.term && linked.has(word.term) ? 0 : word.valence), 0);
}

/** The denying words as written: "refuses to negotiate", "no willingness". */
function denialOf(statement: Statement, term: string): string {
  const at = statement.words.findIndex((word) => word.term === term && word.negated);
  const start = statement.words.slice(0, at).findLastIndex((word) => isNegator(word.word));
  return shownWords(statement.words.slice(Math.max(start, at - 3, 0), at + 1));
}

function plainWordOf(statement: Statement, term: string): string {
  const at = statement.words.findIndex((word) => word.term === term);
  // A direction (`~down`) stands right after the word that names it.
  return at < 0 ? term : shownWords(statement.words.slice(term.startsWith("~") ? at - 1 : at, at + 1));
}

function shownWords(words: readonly StatementWord[]): string {
  return words.filter((word) => !word.word.startsWith("~")).map((word) => word.word).join(" ");
}

function verbGroupOf(statement: Statement): string {
  const at = statement.words.findIndex((word, i) => i > 0 && word.term === null && /^(?:not|no|never|cannot|can't|won't|nothing)$/.test(word.word));
  return at < 0 ? "is not so" : statement.words.slice(Math.max(0, at - 1), at + 2).map((word) => word.word).join(" ");
}

/** The document's stems that stand for a claim's terms: `delai` (delay) for `wait`, with the form's weight. */
interface ClaimWording {
  forms: Map<string, { term: string; weight: number }>;
  claimTerms: string[];
  cache: Map<Statement, TranslatedStatement>;
}

interface TranslatedStatement {
  statement: Statement;
  /** Claim terms this statement matched only through another form, with that form's weight. */
  formWeight: Map<string, number>;
}

/** Below this weight a related word is too loose a match to put a sentence on a side. */
const MIN_FORM_WEIGHT = 0.4;
const MIN_COMPOUND_HEAD = 4;
const COMPOUND_WEIGHT = 0.7;

/** A compound the document uses for a claim's word: "shopkeepers" for "shops", "roadworks" for "roads". */
function compoundOf(stem: string, wording: ClaimWording): { term: string; weight: number } | undefined {
  for (const term of wording.claimTerms) {
    if (term.length >= MIN_COMPOUND_HEAD && stem.length >= term.length + 3 && stem.startsWith(term)) return { term, weight: COMPOUND_WEIGHT };
  }
  return undefined;
}

function claimWording(map: ArgumentMap, claim: Statement, claimText: string, knowledge: KnowledgeBase | undefined): ClaimWording {
  const forms = new Map<string, { term: string; weight: number }>();
  if (knowledge) {
    for (const queryTerm of knowledge.queryTerms(claimText, { documentId: map.document.id })) {
      const term = claim.words.find((word) => word.word === foldForComparison(queryTerm.text))?.term;
      if (!term) continue;
      for (const form of queryTerm.forms) {
        if (form.kind === "typed" || form.weight < MIN_FORM_WEIGHT || form.stem === term || claim.terms.has(form.stem)) continue;
        const known = forms.get(form.stem);
        if (!known || known.weight < form.weight) forms.set(form.stem, { term, weight: form.weight });
      }
    }
  }
  return { forms, claimTerms: [...claim.terms].filter((term) => !term.startsWith("~")), cache: new Map() };
}

/** A sentence read with the claim's terms in place of the document's other forms of them. */
function inClaimWords(statement: Statement, wording: ClaimWording): TranslatedStatement {
  const known = wording.cache.get(statement);
  if (known) return known;
  const formWeight = new Map<string, number>();
  const swap = (stem: string) => {
    const form = wording.forms.get(stem) ?? compoundOf(stem, wording);
    if (!form || statement.terms.has(form.term)) return stem;
    formWeight.set(form.term, Math.max(formWeight.get(form.term) ?? 0, form.weight));
    return form.term;
  };
  const translated: TranslatedStatement =
    ![...statement.terms].some((stem) => wording.forms.has(stem) || compoundOf(stem, wording))
      ? { statement, formWeight }
      : {
          statement: {
            ...statement,
            words: statement.words.map((word) => (word.term ? { ...word, term: swap(word.term) } : word)),
            terms: new Set([...statement.terms].map(swap)),
            negatedTerms: new Set([...statement.negatedTerms].map(swap)),
            deniedHeads: new Set([...statement.deniedHeads].map(swap)),
            predicateTerms: new Set([...statement.predicateTerms].map(swap)),
            predicateHead: statement.predicateHead && swap(statement.predicateHead),
            subject: statement.subject.map(swap),
            subjectHead: statement.subjectHead && swap(statement.subjectHead),
          },
          formWeight,
        };
  wording.cache.set(statement, translated);
  return translated;
}
