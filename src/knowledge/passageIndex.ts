import MiniSearch from "minisearch";
import { AliasTable } from "./aliases.js";
import { englishLexicon, type Lexicon } from "./lexicon.js";
import { countsAsUse, queryTerms, type QueryTerm, type TermContext } from "./queryTerms.js";
import { editDistance, TermVocabulary, type TermCorrection } from "./termVocabulary.js";
import { indexTerm, tokenizeWords } from "./textTokens.js";
import { searchTuning, type SearchTuning } from "./searchOptions.js";
import type { Passage } from "./types.js";

export interface PassageSearchOptions {
  /** Only passages of this document. */
  documentId?: string;
  /** "any" ranks passages by any query word (questions); "all" needs every word (a name such as `grain deal`). */
  match?: "any" | "all";
}

export interface PassageMatch {
  passageId: string;
  score: number;
  /** For each searched term, the weight of the best of its forms the passage uses (0 when none). */
  termWeights: number[];
}

/** A term of the query as searched: whether the documents use it, and how much it weighs. */
export interface SearchedTerm extends QueryTerm {
  /** Some form of it other than a merely related word occurs in the documents searched. */
  used: boolean;
  /** Its inverse document frequency: rare words say more about what is asked. */
  weight: number;
}

export interface PassageSearchResult {
  matches: PassageMatch[];
  /** Query words replaced by a word the documents use (`dehli` → `delhi`). */
  corrections: TermCorrection[];
  /** The words actually searched (each term's best form), after stop words and corrections. */
  words: string[];
  terms: SearchedTerm[];
}

/** What the index should know about a passage beyond its own words. */
export interface PassageDescription {
  /**
   * The words its citations stand for (authors, and the reference entries' titles and venues), so
   * `/ask chatham house` finds the passage citing Wilson (2022).
   */
  sources: (passage: Passage) => string;
  /** The heading it is found under; "" when its heading says nothing about it in particular. */
  heading: (passage: Passage) => string;
}

interface IndexedPassage {
  id: string;
  text: string;
  section: string;
  sources: string;
}

interface Candidate {
  id: string;
  /** BM25 summed over the terms, each term by the best of its forms the passage uses. */
  sum: number;
  termWeights: number[];
  termScores: number[];
}

/** Two neighbouring query terms, by the stems of their forms, and what finding them side by side adds. */
interface QueryPair {
  first: ReadonlySet<string>;
  second: ReadonlySet<string>;
  bonus: number;
}

const ALL_FIELDS = ["text", "section", "sources"];
const TEXT_FIELDS = ["text", "section"];

/**
 * Full-text ranking of passages (MiniSearch's BM25 over stemmed words, American spellings), searched term
 * by term: each query word with its forms (typo correction, aliases, word family, WordNet's related words
 * at lower weight), so a passage is scored once per thing asked, however many forms of it it uses.
 */
export class PassageIndex {
  private readonly miniSearch = new MiniSearch<IndexedPassage>({
    fields: ["text", "section", "sources"],
    storeFields: [],
    // Fields arrive as folded words joined by spaces (see `add`), and searches pass one folded word.
    tokenize: (text) => text.split(" "),
    processTerm: (term) => (term ? indexTerm(term) : null),
  });
  private readonly lexicon: Lexicon = englishLexicon();
  private readonly vocabulary: TermVocabulary;
  /** Passages containing each stem: its document frequency. */
  private readonly stemFrequency = new Map<string, number>();
  /** The stems each document uses. */
  private readonly documentStems = new Map<string, Set<string>>();
  /** Whether the documents write a word in lower case somewhere (so it is no name), as looked up so far. */
  private readonly writtenInLowerCase = new Map<string, boolean>();
  /** Each passage's folded words, in order (a passage has a few dozen: a list is as quick as a set to search). */
  private readonly wordsOf = new Map<string, readonly string[]>();
  /** The index form of each of those words ("" for a stop word), worked out once when indexing. */
  private readonly stemsOf = new Map<string, readonly string[]>();
  /** Each passage's own text (the same string as the passage's, not a copy). */
  private readonly passageTexts = new Map<string, string>();
  /** The heading and source words of a passage, which also say what it is about. */
  private readonly describedBy = new Map<string, string>();
  private readonly documentOf = new Map<string, string>();
  private readonly corrections = new Map<string, string | null>();
  private readonly ranking: SearchTuning["ranking"];

  constructor(private readonly tuning: SearchTuning = searchTuning()) {
    this.ranking = tuning.ranking;
    this.vocabulary = new TermVocabulary(tuning.correction);
  }

  /**
   * Indexes passages, with the words `describe` gives for each beside its own text. Each text is tokenized
   * once: MiniSearch is handed the folded words, space-separated, and splits them on spaces.
   */
  add(passages: readonly Passage[], describe: PassageDescription): void {
    const headingWords = new Map<string, string[]>();
    const batch = passages.map((passage) => {
      const sources = describe.sources(passage);
      const section = describe.heading(passage);
      const textWords = tokenizeWords(passage.text);
      let sectionWords = headingWords.get(section);
      if (!sectionWords) {
        sectionWords = tokenizeWords(section);
        headingWords.set(section, sectionWords);
        this.vocabulary.add(sectionWords);
      }
      const sourceWords = sources ? tokenizeWords(sources) : [];
      this.vocabulary.add(textWords);
      const stems = new Set<string>();
      for (const words of [textWords, sectionWords, sourceWords]) {
        for (const word of words) {
          const stem = indexTerm(word);
          if (stem) stems.add(stem);
        }
      }
      let documentStems = this.documentStems.get(passage.documentId);
      if (!documentStems) {
        documentStems = new Set<string>();
        this.documentStems.set(passage.documentId, documentStems);
      }
      for (const stem of stems) {
        this.stemFrequency.set(stem, (this.stemFrequency.get(stem) ?? 0) + 1);
        documentStems.add(stem);
      }
      this.wordsOf.set(passage.id, textWords);
      this.stemsOf.set(passage.id, textWords.map((word) => indexTerm(word) ?? ""));
      this.passageTexts.set(passage.id, passage.text);
      const described = [...sectionWords, ...sourceWords].join(" ");
      if (described) this.describedBy.set(passage.id, described);
      this.documentOf.set(passage.id, passage.documentId);
      return { id: passage.id, text: textWords.join(" "), section: sectionWords.join(" "), sources: sourceWords.join(" ") };
    });
    this.miniSearch.addAll(batch);
  }

  /** Whether the documents (or the one document) use a word with this index form. */
  private hasStem(stem: string, documentId?: string): boolean {
    if (documentId === undefined) return this.stemFrequency.has(stem);
    return this.documentStems.get(documentId)?.has(stem) ?? false;
  }

  /**
   * Whether a document word is a name: never written in lower case (`Delhi`, not `logos`). Looked up in
   * the passages that use it, when a correction needs to know, and remembered.
   */
  private isName(word: string): boolean {
    let lower = this.writtenInLowerCase.get(word);
    if (lower === undefined) {
      const ids = this.miniSearch.search(word, { fields: ["text"], fuzzy: false, prefix: false }).map((result) => result.id as string);
      lower = ids.some((id) => this.wordsOf.get(id)?.includes(word) && this.lowerCaseIn(id, word));
      if (this.writtenInLowerCase.size >= this.tuning.correction.cacheSize) this.writtenInLowerCase.clear();
      this.writtenInLowerCase.set(word, lower);
    }
    return !lower && !this.lexicon.isCommonWord(word);
  }

  /** Whether a passage's own text has `word` in lower case, as a whole word. */
  private lowerCaseIn(passageId: string, word: string): boolean {
    const text = this.passageTexts.get(passageId) ?? "";
    const isLetter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
    }
    return false;
  }

  get terms(): TermVocabulary {
    return this.vocabulary;
  }

  get passageCount(): number {
    return this.documentOf.size;
  }

  /** The terms of a query as this index would search them, without searching. */
  termsOf(query: string, aliases: AliasTable = EMPTY_ALIASES, documentId?: string): QueryTerm[] {
    return queryTerms(query, this.termContext(aliases, [], documentId));
  }

  search(query: string, options: PassageSearchOptions & { aliases?: AliasTable } = {}): PassageSearchResult {
    const corrections: TermCorrection[] = [];
    const terms = queryTerms(query, this.termContext(options.aliases ?? EMPTY_ALIASES, corrections, options.documentId));
    const words = terms.map((term) => term.forms[0]!.word);
    const searched = terms.map((term) => ({ ...term, used: false, weight: this.termWeight(term) }));
    if (terms.length === 0) return { matches: [], corrections, words, terms: searched };

    const needAll = options.match === "all";
    const common = this.commonTerms(terms, needAll);
    const { documentId } = options;
    const filter = documentId ? (result: { id: unknown }) => this.documentOf.get(result.id as string) === documentId : undefined;
    const candidates = new Map<string, Candidate>();
    terms.forEach((term, t) => {
      if (common.has(t)) return;
      for (const form of term.forms) {
        // A form is searched on its own, so a passage using two forms of one word (`resist`, `prolong`)
        // counts the better one, not both. Related words match the text and headings, not source names.
        const results = this.miniSearch.search(form.word, {
          fields: countsAsUse(form) ? ALL_FIELDS : TEXT_FIELDS,
          boost: this.ranking.fieldBoost,
          fuzzy: false,
          prefix: false,
          filter,
        });
        if (results.length > 0 && countsAsUse(form)) searched[t]!.used = true;
        for (const result of results) {
          const id = result.id as string;
          let candidate = candidates.get(id);
          if (!candidate) {
            candidate = { id, sum: 0, termWeights: new Array<number>(terms.length).fill(0), termScores: new Array<number>(terms.length).fill(0) };
            candidates.set(id, candidate);
          }
          const score = result.score * form.weight;
          if (score > candidate.termScores[t]!) {
            candidate.sum += score - candidate.termScores[t]!;
            candidate.termScores[t] = score;
          }
          candidate.termWeights[t] = Math.max(candidate.termWeights[t]!, form.weight);
        }
      }
    });
    for (const t of common) searched[t]!.used = true;

    let list = [...candidates.values()];
    if (needAll) list = list.filter((candidate) => candidate.termWeights.every((weight, t) => common.has(t) || weight > 0));
    const ranked = list
      .map((candidate) => ({ candidate, score: candidate.sum * coordination(candidate.termWeights) }))
      .sort((a, b) => b.score - a.score);
    const head = this.rerank(ranked.slice(0, this.ranking.rerankDepth).map(({ candidate }) => candidate), terms, searched, common);
    head.sort((a, b) => b.score - a.score);
    const tail = ranked.slice(this.ranking.rerankDepth).map(({ candidate, score }) => ({ passageId: candidate.id, score, termWeights: candidate.termWeights }));
    return { matches: head.concat(tail), corrections, words, terms: searched };
  }

  /**
   * For each term, the weight of the best of its forms that `text` uses, with the heading and sources
   * words of `passageId` when given: how a passage or one of its sentences covers the question.
   */
  termWeightsIn(text: string, terms: readonly QueryTerm[], passageId?: string): number[] {
    const described = passageId ? this.describedBy.get(passageId) : undefined;
    const stems = new Set<string>();
    for (const word of tokenizeWords(described ? `${text} ${described}` : text)) {
      const stem = indexTerm(word);
      if (stem) stems.add(stem);
    }
    return terms.map((term) => Math.max(0, ...term.forms.filter((form) => stems.has(form.stem)).map((form) => form.weight)));
  }

  private termContext(aliases: AliasTable, corrections: TermCorrection[], documentId?: string): TermContext {
    return {
      tuning: this.tuning,
      lexicon: this.lexicon,
      aliases,
      hasStem: (stem) => this.hasStem(stem, documentId),
      wordsStartingWith: (prefix, limit) => this.vocabulary.completions(prefix, limit),
      correct: (word, typedAsName) => {
        const corrected = this.correctWord(word, typedAsName);
        // A slip that keeps the word's stem (`neutrallity` → `neutrality`) finds the same passages: it is
        // only used to credit the passages that spell it right, and not reported.
        if (corrected && indexTerm(corrected) !== indexTerm(word)) corrections.push({ from: word, to: corrected });
        return corrected;
      },
      isDocumentWord: (word) => this.vocabulary.has(word),
    };
  }

  /**
   * A document word for a word the documents do not use, or null. A real English word is left alone
   * (`reasons` never becomes `regions`), except for a one-letter slip on a name the documents use (`dehli`
   * → `delhi`); a word typed as a name only becomes another name, never a common word (`Lagos` never
   * becomes `logos`).
   */
  private correctWord(word: string, typedAsName: boolean): string | null {
    if (word.length > this.tuning.correction.maxLength) return null;
    const key = `${typedAsName ? "N" : "w"}${word}`;
    let corrected = this.corrections.get(key);
    if (corrected === undefined) {
      const english = this.lexicon.has(word);
      const isName = (candidate: string) => this.isName(candidate);
      corrected =
        this.vocabulary
          .similar(word, 5)
          .find((candidate) =>
            english
              ? isName(candidate) && editDistance(word, candidate) <= 1
              : !typedAsName || isName(candidate),
          ) ?? null;
      if (this.corrections.size >= this.tuning.correction.cacheSize) this.corrections.clear();
      this.corrections.set(key, corrected);
    }
    return corrected;
  }

  /** Terms so common in a large corpus that they only re-rank what the others find (by index). */
  private commonTerms(terms: readonly QueryTerm[], needAll: boolean): Set<number> {
    const passages = this.documentOf.size;
    const common = new Set<number>();
    if (needAll || passages < this.ranking.commonWordMinPassages) return common;
    terms.forEach((term, t) => {
      const frequency = Math.max(...term.forms.map((form) => this.stemFrequency.get(form.stem) ?? 0));
      if (frequency / passages > this.ranking.commonWordShare) common.add(t);
    });
    return common.size === terms.length ? new Set() : common;
  }

  /**
   * Adds the exact-word bonus and the common terms' weight to the best candidates, and scores them: what
   * is looked up once per query is worked out before the loop over candidates.
   */
  private rerank(candidates: readonly Candidate[], terms: readonly QueryTerm[], searched: readonly SearchedTerm[], common: ReadonlySet<number>): PassageMatch[] {
    const exact = terms.flatMap((term) => {
      const typed = term.forms.find((form) => form.kind === "typed" || form.kind === "corrected");
      return typed ? [{ word: typed.word, bonus: this.ranking.exactWordBonus * this.inverseFrequency(typed.stem) }] : [];
    });
    const usedStems = terms.map((term) => new Set(term.forms.filter(countsAsUse).map((form) => form.stem)));
    const pairs: QueryPair[] = terms.slice(1).map((_, t) => ({
      first: usedStems[t]!,
      second: usedStems[t + 1]!,
      bonus: this.ranking.phraseBonus * (searched[t]!.weight + searched[t + 1]!.weight),
    }));
    const commonForms = [...common].map((t) => ({ t, weightOf: new Map(terms[t]!.forms.map((form) => [form.stem, form.weight])), idf: searched[t]!.weight }));
    return candidates.map((candidate) => {
      const passageWords = this.wordsOf.get(candidate.id)!;
      const stems = this.stemsOf.get(candidate.id)!;
      let sum = candidate.sum;
      const termWeights = [...candidate.termWeights];
      for (const { t, weightOf, idf } of commonForms) {
        let weight = 0;
        for (const stem of stems) weight = Math.max(weight, weightOf.get(stem) ?? 0);
        termWeights[t] = weight;
        sum += weight * idf;
      }
      for (const { word, bonus } of exact) if (passageWords.includes(word)) sum += bonus;
      sum += phraseBonus(stems, pairs);
      return { passageId: candidate.id, score: sum * coordination(termWeights), termWeights };
    });
  }

  /**
   * How much a term says: the inverse frequency of its first form the documents use (as typed, else its
   * correction, alias or family), or of an unseen word when none is.
   */
  private termWeight(term: QueryTerm): number {
    const used = term.forms.find((form) => countsAsUse(form) && this.stemFrequency.has(form.stem));
    return this.inverseFrequency(used ? this.stemFrequency.get(used.stem)! : 0);
  }

  /** BM25's inverse document frequency, the weight a matched word carries. */
  private inverseFrequency(stemOrFrequency: string | number | null): number {
    const total = this.documentOf.size;
    const frequency = typeof stemOrFrequency === "number" ? stemOrFrequency : stemOrFrequency ? (this.stemFrequency.get(stemOrFrequency) ?? 0) : 0;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  }
}

const EMPTY_ALIASES = new AliasTable();


/**
 * Two query terms in a row that a passage also has side by side (`security guarantees`, `congestion
 * charge`) say more than the two words apart: each such pair adds part of its words' weight again.
 */
function phraseBonus(stems: readonly string[], pairs: readonly QueryPair[]): number {
  let bonus = 0;
  for (const pair of pairs) {
    for (let i = 0; i + 1 < stems.length; i++) {
      if (pair.first.has(stems[i]!) && pair.second.has(stems[i + 1]!)) {
        bonus += pair.bonus;
        break;
      }
    }
  }
  return bonus;
}

/** How many of the terms a passage matches, each by the weight of the form it uses: MiniSearch's "quality". */
function coordination(termWeights: readonly number[]): number {
  let total = 0;
  for (const weight of termWeights) total += weight;
  return total;
}
