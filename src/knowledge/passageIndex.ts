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

/** Field weights: a heading or a cited author naming the query is a strong sign the passage is about it. */
const FIELD_BOOST = { text: 1, section: 0.6, sources: 1.5 } as const;
/**
 * Stems merge `neutral` and `neutrality`; a second, unstemmed field lets the word actually typed win
 * among passages that share a stem.
 */
const SURFACE_FIELD = "surface";
const SURFACE_BOOST = 0.5;
const FUZZY_FRACTION = 0.2;

function surfaceTerm(word: string): string | null {
  return indexTerm(word) === null ? null : `=${word}`;
}

interface IndexedPassage {
  id: string;
  documentId: string;
  text: string;
  section: string;
  sources: string;
  [SURFACE_FIELD]: string;
}

/**
 * Full-text ranking of passages (MiniSearch's BM25 over stemmed words) with typo correction in front of
 * it (fuse.js over the vocabulary). Plain fuzzy search over all passages is both slower and worse at
 * questions; splitting the two jobs keeps each to what it does well.
 */
export class PassageIndex {
  private readonly miniSearch = new MiniSearch<IndexedPassage>({
    fields: ["text", "section", "sources", SURFACE_FIELD],
    storeFields: [],
    tokenize: tokenizeWords,
    processTerm: (term, field) => (field === SURFACE_FIELD ? surfaceTerm(term) : indexTerm(term)),
  });
  private readonly vocabulary = new TermVocabulary();
  private readonly stems = new Set<string>();
  private readonly documentOf = new Map<string, string>();

  add(passages: readonly Passage[]): void {
    const batch = passages.map((passage) => {
      const sources = passage.citations.map((citation) => `${citation.author} ${citation.year}`).join(" ");
      const words = tokenizeWords(`${passage.text} ${passage.section}`);
      this.vocabulary.add(words);
      for (const word of words) {
        const stem = indexTerm(word);
        if (stem) this.stems.add(stem);
      }
      this.documentOf.set(passage.id, passage.documentId);
      return {
        id: passage.id,
        documentId: passage.documentId,
        text: passage.text,
        section: passage.section,
        sources,
        [SURFACE_FIELD]: passage.text,
      };
    });
    this.miniSearch.addAll(batch);
  }

  get terms(): TermVocabulary {
    return this.vocabulary;
  }

  search(query: string, options: PassageSearchOptions = {}): PassageSearchResult {
    const corrections: TermCorrection[] = [];
    const words = queryWords(query).map((word) => {
      const corrected = this.vocabulary.correct(word);
      if (!corrected) return word;
      const stem = indexTerm(word);
      const sameStem = indexTerm(corrected) === stem;
      // A word the documents use in another form (`negotiation`) is not a typo; keep what was typed.
      if (!sameStem && stem && this.stems.has(stem)) return word;
      if (!sameStem) corrections.push({ from: word, to: corrected });
      return corrected;
    });
    if (words.length === 0) return { matches: [], corrections, words };
    const { documentId } = options;
    const text = words.join(" ");
    const results = this.miniSearch.search(
      {
        combineWith: "OR",
        queries: [
          {
            queries: [text],
            combineWith: options.match === "all" ? "AND" : "OR",
            fields: ["text", "section", "sources"],
            boost: FIELD_BOOST,
            processTerm: indexTerm,
            // Words the index knows are matched exactly; only unknown ones pay for a fuzzy walk.
            fuzzy: (term) => (this.stems.has(term) || term.length < 5 ? false : FUZZY_FRACTION),
          },
          { queries: [text], fields: [SURFACE_FIELD], boost: { [SURFACE_FIELD]: SURFACE_BOOST }, processTerm: surfaceTerm },
        ],
      },
      {
        prefix: false,
        filter: documentId ? (result) => this.documentOf.get(result.id as string) === documentId : undefined,
      },
    );
    return {
      matches: results.map((result) => ({ passageId: result.id as string, score: result.score })),
      corrections,
      words,
    };
  }
}
