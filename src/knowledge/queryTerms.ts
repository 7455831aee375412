import type { AliasTable } from "./aliases.js";
import { QUESTION_FRAME_WORDS } from "../text/englishWords.js";
import type { Lexicon } from "./lexicon.js";
import type { SearchTuning } from "./searchOptions.js";
import { indexTerm, MAX_QUERY_WORDS, tokenizeWords, typedWords } from "./textTokens.js";

/**
 * How a form of a query word came about, strongest first: as typed (or the stem of what was typed), a typo
 * corrected, an alias from the document's topic file, a word of the same family (fail → failure), or a
 * related word from WordNet (troops → soldiery).
 */
export type FormKind = "typed" | "corrected" | "alias" | "derived" | "related";

export interface TermForm {
  word: string;
  /** The index form (`indexTerm`) the search matches on. */
  stem: string;
  /** Its weight against the word as typed (1). */
  weight: number;
  kind: FormKind;
}

/** One thing a query asks about: a word, or a phrase an alias maps (`European Union` → `EU`), with its forms. */
export interface QueryTerm {
  /** As typed: `Bombay`, `European Union`. */
  text: string;
  /** Typed as a name: capitalised mid-sentence, an acronym, or no English word. */
  name: boolean;
  /** A word that frames the question ("happen", "role") rather than naming its subject. */
  frame: boolean;
  /**
   * How much the question hinges on this word, 0 to 1: names and things (nouns) most, the verbs and
   * modifiers a paraphrase changes freely least. A question whose things the documents lack is not answered
   * by them; one whose verbs they word otherwise may well be.
   */
  specificity: number;
  /** Best first; only forms the index knows, and always the typed form. */
  forms: TermForm[];
}

/** What building a query's terms needs from the index. */
export interface TermContext {
  /** The weights of forms other than the typed one, and how far to expand (see searchOptions.ts). */
  tuning: Pick<SearchTuning, "forms" | "expansion">;
  lexicon: Lexicon;
  aliases: AliasTable;
  /** Whether the documents use a word with this index form. */
  hasStem(stem: string): boolean;
  /** A document word for a typo, or null; `name` when the word was typed as a name. */
  correct(word: string, name: boolean): string | null;
  /** Whether the documents use this very word (not only its stem). */
  isDocumentWord(word: string): boolean;
  /** Document words that begin with `prefix`, most frequent first. */
  wordsStartingWith(prefix: string, limit: number): string[];
}

/** Endings that make a name's adjective or people (West → Western, Korea → Korean, Europe → European). */
const NAME_FAMILY_ENDINGS = /^(?:n|an|ian|ean|ern|ese|ish|i|ic|ans|ians|eans|erns)$/;

/**
 * The terms of a query: its content words (stop words dropped, aliases joined into one term), each with the
 * forms a passage may use for it.
 */
export function queryTerms(query: string, context: TermContext): QueryTerm[] {
  const words = typedWords(query);
  // A long text (a pasted message, a claim) is matched by its own words: it says enough without synonyms,
  // and each one would be another search.
  const { forms: weights, expansion } = context.tuning;
  const long = words.filter((w) => indexTerm(w.word) !== null).length > expansion.maxExpandedWords;
  const terms: QueryTerm[] = [];
  for (let at = 0; at < words.length && terms.length < MAX_QUERY_WORDS; at++) {
    const alias = context.aliases.match(words, at);
    if (alias) {
      const typed = words.slice(at, at + alias.words.length);
      terms.push(aliasTerm(typed.map((w) => w.typed).join(" "), alias.words, alias.canonical, context));
      at += alias.words.length - 1;
      continue;
    }
    const { word, typed, capitalised, allCapitals } = words[at]!;
    const stem = indexTerm(word);
    if (stem === null) continue;
    const typedAsName = capitalised || allCapitals;
    const name = typedAsName || !context.lexicon.has(word);
    const frame = QUESTION_FRAME_WORDS.has(word);
    const forms = wordForms(word, stem, typedAsName, long || typedAsName || frame, context);
    if (name) for (const member of nameFamily(word, context)) addForm(forms, member);
    // "What does the author *argue* about China?" is about China: a word that frames the question still
    // counts, but for little, or it would pick the passages that happen to use it.
    if (frame) for (const form of forms) form.weight *= weights.frame;
    terms.push({ text: typed, name, frame, specificity: name ? 1 : specificity(word, context.lexicon, expansion), forms });
  }
  return terms;
}

function aliasTerm(text: string, aliasWords: readonly string[], canonical: readonly string[], context: TermContext): QueryTerm {
  const forms: TermForm[] = [];
  for (const word of aliasWords) {
    const stem = indexTerm(word);
    if (stem) addForm(forms, { word, stem, weight: 1, kind: "typed" });
  }
  for (const word of canonical) {
    const stem = indexTerm(word);
    // A stop word that names something as an acronym (`US`) is kept as the acronym's form.
    if (stem ?? word) addForm(forms, { word, stem: stem ?? word, weight: context.tuning.forms.alias, kind: "alias" });
  }
  return { text, name: true, frame: false, specificity: 1, forms: forms.filter((form, i) => i === 0 || context.hasStem(form.stem)) };
}

/**
 * A common word's specificity: the share of its WordNet senses that are nouns, between verb-like and 1; the
 * least for a word WordNet does not know at all, a function word (`between`, `toward`).
 */
function specificity(word: string, lexicon: Lexicon, expansion: SearchTuning["expansion"]): number {
  const senses = lexicon.senseCounts(word);
  const total = senses.n + senses.v + senses.a + senses.r;
  if (total === 0) return expansion.minSpecificity;
  return expansion.verbLikeSpecificity + (1 - expansion.verbLikeSpecificity) * (senses.n / total);
}

/**
 * `familyOnly`: only the word's family (fail → failure), no synonyms: for names, whose "synonyms" are other
 * things, and for words that frame a question, whose synonyms find nothing in particular.
 */
function wordForms(word: string, stem: string, typedAsName: boolean, familyOnly: boolean, context: TermContext): TermForm[] {
  const { forms: weights, expansion } = context.tuning;
  const forms: TermForm[] = [{ word, stem, weight: 1, kind: "typed" }];
  if (!context.hasStem(stem)) {
    const corrected = context.correct(word, typedAsName);
    const correctedStem = corrected ? indexTerm(corrected) : null;
    if (corrected && correctedStem) forms.unshift({ word: corrected, stem: correctedStem, weight: weights.corrected, kind: "corrected" });
  } else if (word.length >= 4 && !context.isDocumentWord(word) && !context.lexicon.has(word)) {
    // Same stem, misspelt (`neutrallity`): the document's spelling is the one passages are credited for.
    const corrected = context.correct(word, typedAsName);
    if (corrected && indexTerm(corrected) === stem) forms[0] = { ...forms[0]!, word: corrected };
  }
  let related = 0;
  const used = context.hasStem(stem);
  // A word of many meanings (`take`, `hold`, `get`) has synonyms for each; they would find anything.
  const senses = context.lexicon.senseCounts(word);
  const polysemous = senses.n + senses.v + senses.a + senses.r > expansion.maxSensesForSynonyms;
  for (const candidate of context.lexicon.related(word)) {
    if ((familyOnly || polysemous) && candidate.relation !== "derived") continue;
    // A word the documents use is found as itself; only its closest synonyms are worth a look.
    if (used && candidate.relation !== "derived" && !(candidate.relation === "synonym" && candidate.sense === 1)) continue;
    // A search matches word by word, so a hyphenated entry (`go-between`) is no single form.
    if (tokenizeWords(candidate.word).length !== 1) continue;
    const candidateStem = indexTerm(candidate.word);
    if (!candidateStem || !context.hasStem(candidateStem) || forms.some((form) => form.stem === candidateStem)) continue;
    const weight =
      candidate.relation === "derived"
        ? weights.derived
        : candidate.sense === 1 && candidate.relation !== "broader" && !used
          ? weights.relatedFirstSense
          : weights.relatedOtherSense;
    addForm(forms, { word: candidate.word, stem: candidateStem, weight, kind: candidate.relation === "derived" ? "derived" : "related" });
    if (++related >= expansion.maxRelatedForms) break;
  }
  return forms;
}

/** The words the documents make from a name with a demonym or adjective ending: `west` → `western`. */
function nameFamily(word: string, context: TermContext): TermForm[] {
  const base = word.replace(/e$/, "");
  if (base.length < 3) return [];
  return context
    .wordsStartingWith(base, 20)
    .filter((candidate) => NAME_FAMILY_ENDINGS.test(candidate.startsWith(word) ? candidate.slice(word.length) : candidate.slice(base.length)))
    .flatMap((candidate) => {
      const stem = indexTerm(candidate);
      return stem && context.hasStem(stem) ? [{ word: candidate, stem, weight: context.tuning.forms.derived, kind: "derived" as const }] : [];
    });
}

function addForm(forms: TermForm[], form: TermForm): void {
  const existing = forms.find((f) => f.stem === form.stem);
  if (!existing) forms.push(form);
  else if (existing.weight < form.weight) Object.assign(existing, form);
}

/** Whether a form makes its term "used by the documents": any form but a merely related word. */
export function countsAsUse(form: TermForm): boolean {
  return form.kind !== "related";
}
