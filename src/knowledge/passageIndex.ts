import MiniSearch from "minisearch";
import { indexTerm, queryWords, tokenizeWords } from "./textTokens.js";
import { TermVocabulary, type TermCorrection } from "./termVocabulary.js";
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
}

export interface PassageSearchResult {
  matches: PassageMatch[];
  /** Query words replaced by a word the documents use (`minks` → `minsk`). */
  corrections: TermCorrection[];
  /** The words actually searched, after stop words and corrections. */
  words: string[];
}

/** How the ranking weighs things; tuned on the quality set in tests/knowledge. */
export const RANKING = {
  /** A heading or a cited author naming the query is a strong sign the passage is about it. */
  fieldBoost: { text: 1, section: 0.6, sources: 1.5 },
  /** Edit distance allowed for words the index does not know, as a fraction of their length. */
  fuzzyFraction: 0.2,
  /** No word is longer; a pasted 100 KB "word" is matched exactly or not at all. */
  maxFuzzyTermLength: 40,
  /**
   * Stems merge `neutral` and `neutrality`; the word actually typed gets this share of its weight again
   * in the passages that contain it as typed.
   */
  exactWordBonus: 0.5,
  /** Only the best this many are re-ranked for exact words and common words. */
  rerankDepth: 200,
  /**
   * In a large corpus, a word in more than this share of passages ("war", "talks") matches thousands of
   * them and costs most of a query's time while hardly changing the order. Such words then only re-rank
   * the passages the rarer words found.
   */
  commonWordShare: 0.02,
  commonWordMinPassages: 5000,
  /** Typo corrections remembered per index. */
  correctionCacheSize: 10_000,
} as const;

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

/**
 * Full-text ranking of passages (MiniSearch's BM25 over stemmed words) with typo correction in front of
 * it (fuse.js over the vocabulary). Plain fuzzy search over all passages is both slower and worse at
 * questions; splitting the two jobs keeps each to what it does well.
 */
export class PassageIndex {
  private readonly miniSearch = new MiniSearch<IndexedPassage>({
    fields: ["text", "section", "sources"],
    storeFields: [],
    tokenize: tokenizeWords,
    processTerm: indexTerm,
  });
  private readonly vocabulary = new TermVocabulary();
  /** Passages containing each stem: its document frequency. */
  private readonly stemFrequency = new Map<string, number>();
  private readonly wordsOf = new Map<string, Set<string>>();
  private readonly documentOf = new Map<string, string>();
  private readonly corrections = new Map<string, string | null>();

  /** Indexes passages, with the words `describe` gives for each beside its own text. */
  add(passages: readonly Passage[], describe: PassageDescription): void {
    const batch = passages.map((passage) => {
      const sources = describe.sources(passage);
      const section = describe.heading(passage);
      const words = tokenizeWords(`${passage.text} ${section}`);
      this.vocabulary.add(words);
      const stems = new Set<string>();
      for (const word of words) {
        const stem = indexTerm(word);
        if (stem) stems.add(stem);
      }
      for (const stem of stems) this.stemFrequency.set(stem, (this.stemFrequency.get(stem) ?? 0) + 1);
      this.wordsOf.set(passage.id, new Set(tokenizeWords(passage.text)));
      this.documentOf.set(passage.id, passage.documentId);
      return { id: passage.id, text: passage.text, section, sources };
    });
    this.miniSearch.addAll(batch);
  }

  get terms(): TermVocabulary {
    return this.vocabulary;
  }

  search(query: string, options: PassageSearchOptions = {}): PassageSearchResult {
    const corrections: TermCorrection[] = [];
    const words = queryWords(query).map((word) => this.correctWord(word, corrections));
    if (words.length === 0) return { matches: [], corrections, words };

    const { selective, common } = this.splitCommonWords(words, options.match === "all");
    const { documentId } = options;
    const results = this.miniSearch.search(selective.join(" "), {
      combineWith: options.match === "all" ? "AND" : "OR",
      boost: RANKING.fieldBoost,
      // Words the index knows are matched exactly; only unknown ones pay for a fuzzy walk.
      // Nor do very long ones: MiniSearch's fuzzy walk allocates in proportion to the square of the length.
      fuzzy: (term) =>
        this.stemFrequency.has(term) || term.length < 5 || term.length > RANKING.maxFuzzyTermLength ? false : RANKING.fuzzyFraction,
      prefix: false,
      filter: documentId ? (result) => this.documentOf.get(result.id as string) === documentId : undefined,
    });
    const matches = results.map((result) => ({ passageId: result.id as string, score: result.score }));
    return { matches: this.rerank(matches, words, common), corrections, words };
  }

  /** A typo becomes the vocabulary's word for it; a word the documents use in another form is kept. */
  private correctWord(word: string, corrections: TermCorrection[]): string {
    const corrected = this.correctionOf(word);
    if (!corrected) return word;
    const stem = indexTerm(word);
    const sameStem = indexTerm(corrected) === stem;
    if (!sameStem && stem && this.stemFrequency.has(stem)) return word;
    if (!sameStem) corrections.push({ from: word, to: corrected });
    return corrected;
  }

  /**
   * The vocabulary's correction of a word, remembered: chat repeats its words, and a fuzzy scan costs more
   * than the rest of a query. Bounded, since anyone can type new words.
   */
  private correctionOf(word: string): string | null {
    let corrected = this.corrections.get(word);
    if (corrected === undefined) {
      corrected = this.vocabulary.correct(word);
      if (this.corrections.size >= RANKING.correctionCacheSize) this.corrections.clear();
      this.corrections.set(word, corrected);
    }
    return corrected;
  }

  private splitCommonWords(words: string[], needAll: boolean): { selective: string[]; common: string[] } {
    const passages = this.documentOf.size;
    if (needAll || passages < RANKING.commonWordMinPassages) return { selective: words, common: [] };
    const isCommon = (word: string) => (this.stemFrequency.get(indexTerm(word) ?? "") ?? 0) / passages > RANKING.commonWordShare;
    const selective = words.filter((word) => !isCommon(word));
    if (selective.length === 0) return { selective: words, common: [] };
    return { selective, common: words.filter(isCommon) };
  }

  /** Adds the exact-word bonus and the common words' weight to the best matches, and re-sorts them. */
  private rerank(matches: PassageMatch[], words: readonly string[], common: readonly string[]): PassageMatch[] {
    const head = matches.slice(0, RANKING.rerankDepth);
    const commonStems = common.map((word) => indexTerm(word)).filter((stem): stem is string => stem !== null);
    for (const match of head) {
      const passageWords = this.wordsOf.get(match.passageId)!;
      for (const word of words) {
        if (passageWords.has(word)) match.score += RANKING.exactWordBonus * this.inverseFrequency(indexTerm(word));
      }
      for (const stem of commonStems) {
        if ([...passageWords].some((word) => indexTerm(word) === stem)) match.score += this.inverseFrequency(stem);
      }
    }
    head.sort((a, b) => b.score - a.score);
    return head.concat(matches.slice(RANKING.rerankDepth));
  }

  /** BM25's inverse document frequency, the weight a matched word carries. */
  private inverseFrequency(stem: string | null): number {
    const total = this.documentOf.size;
    const frequency = stem ? (this.stemFrequency.get(stem) ?? 0) : 0;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  }
}
