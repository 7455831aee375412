import { indexTerm } from "../../../../knowledge/textTokens.js";
import { foldForComparison } from "../../../../text/normalizeText.js";
import { directionOf, isBlocker, isNegator, valenceOf } from "./polarityLexicon.js";

/** One word of a statement, as the stance rules see it. */
export interface StatementWord {
  /** Folded: lower case, no accents, straight apostrophes. */
  word: string;
  /** The search index's stem, or null for a stop word. */
  term: string | null;
  /** Inside the scope of a word that denies it ("no", "refuses", "without", "rather than"). */
  negated: boolean;
  /** Its valence with negation applied (0 for negators themselves). */
  valence: number;
  clause: number;
  /** A comma, colon or parenthesis comes just before it. */
  afterPause: boolean;
}

/**
 * A sentence or a typed claim read for stance: its content words, which of them it denies, how positive or
 * negative its wording is, and (for a claim) what it is about: the words before its verb.
 */
export interface Statement {
  text: string;
  words: StatementWord[];
  terms: Set<string>;
  /** Terms only ever denied in this statement. */
  negatedTerms: Set<string>;
  /** The first content term after each denying word: what is denied ("refuses to negotiate" → negotiate). */
  deniedHeads: Set<string>;
  /** It says someone refuses, forbids, rejects or cannot do something. */
  blocks: boolean;
  /** The first content word of its predicate: "reduce" of "charges do not reduce traffic". */
  predicateHead: string | null;
  /** The content terms from its verb on, in its first clause: what it says of its subject. */
  predicateTerms: Set<string>;
  /** The refusal that is its verb ("voters will reject"), if any. */
  verbBlocker: string | null;
  /** Its main verb is denied: "is not a cure", "cannot work", "have done nothing". */
  predicateNegated: boolean;
  /** A normative or predictive claim: "should", "must", "will", "can". */
  modal: boolean;
  /** Content terms before the first verb: what a claim is about. */
  subject: string[];
  /** The subject's main word: "sanctions" of "Western sanctions on exports". */
  subjectHead: string | null;
  /** Clauses split at "but", "while", "whereas", "although": each holds one side of a sentence. */
  clauseCount: number;
}

/** A negator's reach, in content words: "no willingness to relinquish gains" denies all three. */
const NEGATION_REACH = 3;
const CLAUSE_BREAK = /^(?:but|while|whereas|although|though|yet|however|because|since|so)$/;
const AUXILIARIES = new Set([
  "is", "are", "was", "were", "be", "been", "will", "would", "should", "must", "can", "could", "may", "might",
  "has", "have", "had", "does", "do", "did", "shall", "ought", "cannot", "can't", "won't", "isn't", "aren't",
  "don't", "doesn't", "didn't", "wasn't", "weren't", "hasn't", "haven't", "shouldn't", "wouldn't",
]);
const MODALS = /\b(?:should|must|ought|will|would|can|could|may|might|need to|needs to|cannot|can't|won't)\b/i;
/** Verbs common in claims that carry no auxiliary: "Tariffs end strikes", "Energy prices caused the crisis". */
const COMMON_VERBS = new Set([
  "make", "makes", "cause", "causes", "end", "ends", "bring", "brings", "lead", "leads", "give", "gives", "take",
  "takes", "keep", "keeps", "help", "helps", "hurt", "hurts", "want", "wants", "show", "shows", "prove", "proves",
  "work", "works", "offer", "offers", "create", "creates", "stop", "stops", "welcome", "welcomes", "decide",
  "decides", "solve", "solves", "ruin", "ruins", "reduce", "reduces", "cut", "cuts", "cost", "costs", "mean",
  "means", "beat", "beats", "need", "needs", "fail", "fails", "win", "wins", "lose", "loses", "drive", "drives",
  "raise", "raises", "harm", "harms", "benefit", "benefits", "matter", "matters", "deserve", "deserves", "remain",
  "remains", "block", "blocks", "threaten", "threatens", "support", "supports", "oppose", "opposes", "trust",
  "trusts", "refuse", "refuses", "reject", "rejects", "accept", "accepts", "seek", "seeks", "hold", "holds",
  "gave", "took", "made", "kept", "brought", "led", "won", "lost", "held", "met", "left", "began", "broke", "grew",
  "found", "saw", "said", "became", "went", "came", "got", "put", "ran", "fell", "rose", "told", "thought", "knew",
  "sought", "taught", "meant", "paid", "sold", "spent", "stood", "understood", "wrote", "drove", "shows", "showed",
  "suggests", "argues", "finds", "says",
]);
/** Intensifiers and hedges a claim is padded with: they name no subject the document could discuss. */
const FILLER = new Set([
  "even", "real", "really", "main", "mainly", "enough", "always", "alone", "very", "much", "still", "ever", "rather",
  "quite", "truly", "simply", "also", "already", "whatever", "anything", "everything", "every", "thing", "things",
  "however", "conversely", "meanwhile", "moreover", "furthermore", "thus", "therefore", "nevertheless",
  "nonetheless", "instead", "indeed", "often", "later", "first",
]);
/** Words that deny a verb itself ("is not", "cannot work", "have done nothing"), not a condition ("without"). */
const PREDICATE_NEGATORS = /^(?:not|never|no|nothing|none|cannot|can't|\w+n't)$/;
const HEDGES = new Set(["whether", "if", "unless"]);
const PLAIN_NEGATORS = new Set(["not", "no", "never", "nothing", "none"]);
/** Idioms that deny the predicate: "is out of the question", "is far from settled". */
const DENYING_IDIOM = /\b(?:out of the question|far from|nowhere near|no longer|off the table|a myth|an illusion)\b/i;
const OPENING_CLAUSE = /^(?:despite|although|though|while|whereas|if|when|after|before|since|because|as|without|unless|once)$/;
const SUBJECT_BREAK = /^(?:of|by|for|in|on|with|between|from|at|to|than|rather|like|including)$/;

const cache = new Map<string, Statement>();
const CACHE_LIMIT = 20_000;

/** Reads a statement (memoised: documents' sentences are read again on every request). */
export function readStatement(text: string): Statement {
  const known = cache.get(text);
  if (known) return known;
  const statement = read(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, statement);
  return statement;
}

function read(text: string): Statement {
  const words: StatementWord[] = [];
  let clause = 0;
  let reach = 0;
  let hedge = 0;
  let pause = false;
  let blocks = false;
  const deniedHeads = new Set<string>();
  /** Where a denied head follows a bare "no": "no lasting fall" denies the fall, not that it lasts. */
  const nounPhraseHeads: number[] = [];
  let negatorWord = "";
  // Tokens with punctuation kept, so a comma or semicolon ends a negator's reach.
  const tokens = foldForComparison(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|[,;:()]/gu) ?? [];
  tokens.forEach((token, i) => {
    if (/^[,;:()]$/.test(token)) {
      reach = 0;
      hedge = 0;
      pause = true;
      return;
    }
    const afterPause = pause;
    pause = false;
    const word = token.replace(/'s$/, "");
    if (CLAUSE_BREAK.test(word) && i > 0) {
      clause++;
      reach = 0;
    }
    const previous = tokens[i - 1];
    const negator =
      isNegator(word) ||
      (word === "than" && previous === "rather") ||
      (word === "of" && previous === "instead") ||
      (word === "up" && /^(?:give|gives|gave|given|giving)$/.test(previous ?? ""));
    // "whether a settlement can be achieved", "if diplomacy fails": what follows is not asserted either way.
    if (HEDGES.has(word)) {
      hedge = NEGATION_REACH;
      words.push({ word, term: null, negated: false, valence: 0, clause, afterPause });
      return;
    }
    if (negator) {
      if (isBlocker(word)) blocks = true;
      reach = NEGATION_REACH;
      negatorWord = word;
      words.push({ word, term: null, negated: false, valence: 0, clause, afterPause });
      return;
    }
    const term = FILLER.has(word) ? null : indexTerm(word);
    const hedged = hedge > 0 && term !== null;
    if (hedged) hedge--;
    const negated = (reach > 0 || hedged) && term !== null;
    if (negated && !hedged && reach === NEGATION_REACH) {
      deniedHeads.add(term!);
      if (negatorWord === "no") nounPhraseHeads.push(words.length);
    }
    if (reach > 0 && term !== null) reach--;
    const valence = hedged ? 0 : valenceOf(word) * (negated ? -1 : 1);
    words.push({ word, term, negated, valence, clause, afterPause });
    const direction = directionOf(word);
    if (direction) {
      words.push({ word: direction, term: direction, negated, valence: 0, clause, afterPause: false });
      if (negated && reach === NEGATION_REACH - 1) deniedHeads.add(direction);
    }
  });

  // "no" denies a noun phrase, whose head is its last word: "no lasting fall in sales", "no credible guarantee".
  for (const at of nounPhraseHeads) {
    let head = at;
    while (words[head + 1]?.term && !words[head + 1]!.afterPause && !words[head + 1]!.term!.startsWith("~") && words[head + 1]!.clause === words[at]!.clause) head++;
    if (head > at) {
      deniedHeads.delete(words[at]!.term!);
      deniedHeads.add(words[head]!.term!);
    }
  }

  const terms = new Set<string>();
  const plain = new Set<string>();
  for (const word of words) {
    if (!word.term) continue;
    terms.add(word.term);
    if (!word.negated) plain.add(word.term);
  }
  const negatedTerms = new Set([...terms].filter((term) => !plain.has(term)));
  const { subject, subjectHead, verbAt } = subjectOf(words);
  const verbGroup = verbAt < 0 ? [] : words.slice(verbAt, verbAt + 3);
  const predicateNegated = verbGroup.some((word) => PREDICATE_NEGATORS.test(word.word) && word.clause === 0) || DENYING_IDIOM.test(text);
  const predicateTerms = new Set(verbAt < 0 ? [] : words.slice(verbAt).filter((word) => word.clause === words[verbAt]!.clause && word.term).map((word) => word.term!));
  // The verb after any auxiliary and plain "not"; a refusal ("will reject the charge") is its own predicate.
  const verb = verbAt < 0 ? undefined : words.slice(verbAt).find((word) => word.term || (isNegator(word.word) && !AUXILIARIES.has(word.word) && !PLAIN_NEGATORS.has(word.word)));
  const predicateHead = verb?.term ?? null;
  const verbBlocker = verbGroup.find((word) => isBlocker(word.word))?.word ?? null;
  return { text, words, terms, negatedTerms, deniedHeads, blocks, predicateHead, predicateTerms, predicateNegated, verbBlocker, modal: MODALS.test(text), subject, subjectHead, clauseCount: clause + 1 };
}

/** The content words before the verb, and the last of them before a preposition: the subject's head. */
function subjectOf(words: readonly StatementWord[]): { subject: string[]; subjectHead: string | null; verbAt: number } {
  const subject: string[] = [];
  let head: string | null = null;
  let headClosed = false;
  // "Despite intermittent overtures, the talks remain …": the subject comes after the opening clause.
  const opener = OPENING_CLAUSE.test(words[0]?.word ?? "") ? words.findIndex((word) => word.afterPause) : 0;
  for (const [i, word] of words.entries()) {
    if (i < opener) continue;
    const isVerb =
      AUXILIARIES.has(word.word) ||
      (i > opener && COMMON_VERBS.has(word.word)) ||
      (i > opener && word.word.length >= 5 && word.word.endsWith("ed"));
    if (isVerb || word.clause > 0) return { subject, subjectHead: head, verbAt: word.clause > 0 ? -1 : i };
    if (SUBJECT_BREAK.test(word.word) || (word.afterPause && subject.length > 0)) headClosed = true;
    if (!word.term || headClosed || word.term.startsWith("~")) continue;
    subject.push(word.term);
    head = word.term;
  }
  return { subject, subjectHead: head, verbAt: -1 };
}
