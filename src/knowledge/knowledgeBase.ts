import Fuse from "fuse.js";
import { AliasTable } from "./aliases.js";
import { answerTypeOf, holdsAnswerType, type AnswerType } from "./answerType.js";
import { coverage, judgeConfidence, unmatchedTerms, type Confidence } from "./confidence.js";
import { englishLexicon } from "./lexicon.js";
import { foldForComparison } from "../text/normalizeText.js";
import { searchTuning, type SearchTuning, type SearchTuningOptions } from "./searchOptions.js";
import { PassageIndex, type PassageMatch, type PassageSearchOptions, type SearchedTerm } from "./passageIndex.js";
import type { QueryTerm } from "./queryTerms.js";
import { tokenizeWords } from "./textTokens.js";
import type { TermCorrection } from "./termVocabulary.js";
import type { CitationMention, KnowledgeDocument, Passage, Section, Source } from "./types.js";
import { sourceKey } from "./parseCitations.js";

/** A file in the knowledge folder that could not be loaded, and why, in words a maintainer can act on. */
export interface KnowledgeError {
  file: string;
  message: string;
}

export interface SearchHit {
  passage: Passage;
  score: number;
  /** In a passage of several sentences, the one that answers best (verbatim, one of `passage.sentences`). */
  sentence?: string;
}

export interface SearchOptions extends PassageSearchOptions {
  /** How many hits to return (default 3). */
  limit?: number;
  /** How many of the best hits to skip, for "More" (default 0). */
  offset?: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** All matching passages, of which `hits` is one page. */
  total: number;
  corrections: TermCorrection[];
  words: string[];
  /** Whether the best passage answers the query (`strong`), is only the nearest (`weak`), or nothing is (`none`). */
  confidence: Confidence;
  /** The query's subject words that the documents searched never use, after spelling, variants and aliases. */
  unmatched: string[];
  /** The query's terms as searched, with their forms and weights. */
  terms: SearchedTerm[];
  /** The share of the query the best passage covers (0 to 1), or 0 when nothing matched. */
  coverage: number;
}

export interface SourceHit {
  document: KnowledgeDocument;
  source: Source;
}

export interface SectionHit {
  document: KnowledgeDocument;
  section: Section;
}

export interface PassageContext {
  before: Passage[];
  passage: Passage;
  after: Passage[];
}

export type CompletionKind = "terms" | "sources" | "sections" | "documents";

const MAX_COMPLETIONS = 25;
/** How long `build` indexes before letting the event loop run. */
const BUILD_SLICE_MS = 5;

/**
 * The loaded documents and everything needed to answer from them: passage search, fuzzy look-up of
 * sources, sections and documents, context around a passage, and autocomplete. Immutable: a reload builds
 * a new one and swaps it in, so a request never sees a half-built index. How it ranks and when it trusts an
 * answer is tuned by `options` (src/knowledge/searchOptions.ts: every weight, threshold and limit with its
 * default in one place).
 */
export class KnowledgeBase {
  /** The search tuning in force: the defaults with the constructor's options laid over them. */
  readonly tuning: SearchTuning;
  private readonly index: PassageIndex;
  private readonly passages = new Map<string, Passage>();
  private readonly sourceFuse: Fuse<SourceHit>;
  private readonly sectionFuse: Fuse<SectionHit>;
  private readonly documentFuse: Fuse<KnowledgeDocument>;
  private readonly aliases = new Map<string, AliasTable>();
  private readonly allAliases: AliasTable;

  /**
   * Builds the index in-line. `indexed` is an index `build` already filled with these documents' passages.
   */
  constructor(
    readonly documents: readonly KnowledgeDocument[],
    readonly errors: readonly KnowledgeError[] = [],
    options: SearchTuningOptions = {},
    indexed?: PassageIndex,
  ) {
    this.tuning = searchTuning(options);
    this.index = indexed ?? new PassageIndex(this.tuning);
    const nameThreshold = this.tuning.correction.nameThreshold;
    for (const document of documents) for (const passage of document.passages) this.passages.set(passage.id, passage);
    if (!indexed) for (const document of documents) indexDocument(this.index, document);
    this.index.terms.prepare();
    for (const document of documents) this.aliases.set(document.id, new AliasTable(document.topics?.aliases));
    this.allAliases = AliasTable.merge([...this.aliases.values()]);
    const sources = documents.flatMap((document) => document.sources.map((source) => ({ document, source })));
    this.sourceFuse = new Fuse(sources, {
      keys: [
        { name: "source.author", weight: 3 },
        { name: "source.key", weight: 1 },
        { name: "source.reference.text", weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: nameThreshold,
      getFn: (hit, path) => {
        const value = Fuse.config.getFn(hit, path);
        return typeof value === "string" ? foldForComparison(value) : value;
      },
    });
    const sections = documents.flatMap((document) => document.sections.map((section) => ({ document, section })));
    this.sectionFuse = new Fuse(sections, {
      keys: ["section.heading"],
      includeScore: true,
      ignoreLocation: true,
      threshold: nameThreshold,
    });
    this.documentFuse = new Fuse([...documents], { keys: ["id", "title"], ignoreLocation: true, threshold: nameThreshold });
  }

  /**
   * The same knowledge built in slices: the index takes documents until `sliceMs` has passed, then lets the
   * event loop run (answers, requests) before the next slice, so indexing a large folder never holds the bot
   * for longer than about one slice. The knowledge it replaces answers until it is done.
   */
  static async build(
    documents: readonly KnowledgeDocument[],
    errors: readonly KnowledgeError[] = [],
    options: { sliceMs?: number; tuning?: SearchTuningOptions } = {},
  ): Promise<KnowledgeBase> {
    const sliceMs = options.sliceMs ?? BUILD_SLICE_MS;
    const tuning = options.tuning ?? {};
    const index = new PassageIndex(searchTuning(tuning));
    let sliceStart = performance.now();
    for (const document of documents) {
      indexDocument(index, document);
      if (performance.now() - sliceStart >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return new KnowledgeBase(documents, errors, tuning, index);
  }

  get passageCount(): number {
    return this.passages.size;
  }

  passage(id: string): Passage | undefined {
    return this.passages.get(id);
  }

  /** A document by id, or by a fuzzy match on id or title; with no query, the only document if there is one. */
  document(query?: string): KnowledgeDocument | undefined {
    if (!query?.trim()) return this.documents.length === 1 ? this.documents[0] : undefined;
    const exact = this.documents.find((document) => document.id === query.trim());
    return exact ?? this.documentFuse.search(query.trim(), { limit: 1 })[0]?.item;
  }

  /**
   * Ranked passages for a question or a name, with how far the best of them answers it and the words of
   * the query that the documents never use.
   */
  search(query: string, options: SearchOptions = {}): SearchOutcome {
    const { limit = 3, offset = 0 } = options;
    const result = this.index.search(query, { ...options, aliases: this.aliasesFor(options.documentId) });
    const type = answerTypeOf(query);
    if (type) this.preferAnswerType(result.matches, type);
    const hits = result.matches.slice(offset, offset + limit).map((match) => this.hit(match, result.terms));
    const best = result.matches[0];
    const bestCoverage = best ? coverage(result.terms, best.termWeights, this.tuning.confidence) : undefined;
    const answersType = !best || !type || holdsAnswerType(withoutCitations(this.passages.get(best.passageId)!), type);
    return {
      hits,
      total: result.matches.length,
      corrections: result.corrections,
      words: result.words,
      confidence: judgeConfidence(result.terms, bestCoverage, answersType, this.tuning.confidence),
      unmatched: unmatchedTerms(result.terms),
      terms: result.terms,
      coverage: bestCoverage ?? 0,
    };
  }

  /**
   * The content words of `text` that no document (or not `documentId`) uses, as typed, after spelling
   * correction, British/American variants, word families (fail/failure) and the documents' aliases. Words
   * that only frame a question ("happen", "role") are never listed. Empty when every word is used.
   */
  unmatchedWords(text: string, options: { documentId?: string } = {}): string[] {
    return unmatchedTerms(this.index.search(text, { documentId: options.documentId, aliases: this.aliasesFor(options.documentId) }).terms);
  }

  /**
   * The terms of `text` as a search reads them: each content word (or aliased phrase) with the forms a
   * passage may use for it (corrections, aliases, word family, WordNet's related words) and their weights.
   */
  queryTerms(text: string, options: { documentId?: string } = {}): QueryTerm[] {
    return this.index.termsOf(text, this.aliasesFor(options.documentId), options.documentId);
  }

  /**
   * Among the best passages, those holding the kind of thing a "when" or "how many" question wants (a date,
   * an amount) move up: "When did the fighting turn into an all-out war?" wants the passage with the date.
   */
  private preferAnswerType(matches: PassageMatch[], type: AnswerType): void {
    const { answerTypeDepth, answerTypePreference } = this.tuning.ranking;
    const head = matches.slice(0, answerTypeDepth);
    for (const match of head) {
      if (holdsAnswerType(withoutCitations(this.passages.get(match.passageId)!), type)) match.score *= 1 + answerTypePreference;
    }
    head.sort((a, b) => b.score - a.score);
    matches.splice(0, head.length, ...head);
  }

  private aliasesFor(documentId: string | undefined): AliasTable {
    return (documentId ? this.aliases.get(documentId) : undefined) ?? this.allAliases;
  }

  private hit(match: PassageMatch, terms: readonly SearchedTerm[]): SearchHit {
    const passage = this.passages.get(match.passageId)!;
    const hit: SearchHit = { passage, score: match.score };
    if (passage.sentences.length > 1) {
      let best = -1;
      for (const sentence of passage.sentences) {
        const covered = coverage(terms, this.index.termWeightsIn(sentence, terms), this.tuning.confidence);
        if (covered > best) {
          best = covered;
          hit.sentence = sentence;
        }
      }
    }
    return hit;
  }

  /** Sources whose author, key or reference entry match `query` fuzzily (`mershimer`, `financial times`). */
  findSources(query: string, options: { documentId?: string; limit?: number; maxDistance?: number } = {}): SourceHit[] {
    const folded = foldForComparison(query).trim();
    if (!folded) return [];
    return this.sourceFuse
      .search(folded, { limit: 50 })
      .filter((result) => !options.documentId || result.item.document.id === options.documentId)
      .filter((result) => options.maxDistance === undefined || (result.score ?? 1) <= options.maxDistance)
      .slice(0, options.limit ?? 5)
      .map((result) => result.item);
  }

  /** The source an in-text citation points to. */
  sourceOf(documentId: string, citation: CitationMention): Source | undefined {
    const key = sourceKey(citation.author, citation.year);
    return this.documents.find((document) => document.id === documentId)?.sources.find((source) => source.key === key);
  }

  /** Sections whose heading matches `query` fuzzily. */
  findSections(query: string, options: { documentId?: string; limit?: number } = {}): SectionHit[] {
    if (!query.trim()) return [];
    return this.sectionFuse
      .search(query.trim(), { limit: 50 })
      .filter((result) => !options.documentId || result.item.document.id === options.documentId)
      .slice(0, options.limit ?? 5)
      .map((result) => result.item);
  }

  /** The passages around one, within its section. */
  contextOf(passageId: string, radius = 1): PassageContext | undefined {
    const passage = this.passages.get(passageId);
    if (!passage) return undefined;
    const document = this.documents.find((d) => d.id === passage.documentId)!;
    const inSection = document.passages.filter((p) => p.sectionIndex === passage.sectionIndex);
    const at = inSection.indexOf(passage);
    return {
      before: inSection.slice(Math.max(0, at - radius), at),
      passage,
      after: inSection.slice(at + 1, at + 1 + radius),
    };
  }

  /**
   * Words the documents use that look like what was typed, for "Did you mean …?": only for the query's
   * words that no document uses, and never a common word for a real word (`lagos` is not offered
   * `logos`). Empty when nothing typed looks like a slip; a miss gets no stock list of names.
   */
  suggest(query: string, limit = 3, documentId?: string): string[] {
    const suggestions = new Set<string>();
    const lexicon = englishLexicon();
    for (const term of this.index.search(query, { documentId, aliases: this.aliasesFor(documentId) }).terms) {
      if (term.used || term.frame) continue;
      const typed = term.forms.find((form) => form.kind === "typed")?.word;
      if (!typed) continue;
      const english = lexicon.has(typed);
      for (const similar of this.index.terms.similar(typed, limit)) {
        if (!english || !lexicon.isCommonWord(similar)) suggestions.add(similar);
      }
    }
    return [...suggestions].slice(0, limit);
  }

  /** Up to 25 completions for a command option. */
  complete(kind: CompletionKind, partial: string, documentId?: string): string[] {
    const typed = partial.trim();
    const inDocument = (document: KnowledgeDocument) => !documentId || document.id === documentId;
    switch (kind) {
      case "documents":
        return (typed ? this.documentFuse.search(typed).map((r) => r.item) : [...this.documents])
          .map((document) => document.id)
          .slice(0, MAX_COMPLETIONS);
      case "sections":
        return typed
          ? this.findSections(typed, { documentId, limit: MAX_COMPLETIONS }).map((hit) => hit.section.heading)
          : this.documents.filter(inDocument).flatMap((d) => d.sections.map((s) => s.heading)).slice(0, MAX_COMPLETIONS);
      case "sources": {
        const all = this.documents.filter(inDocument).flatMap((d) => d.sources.map((source) => source.author));
        if (!typed) return unique(all).slice(0, MAX_COMPLETIONS);
        // What was typed so far is usually the start of a name: those first, then fuzzy matches for typos.
        const folded = foldForComparison(typed);
        const starting = all.filter((author) => foldForComparison(author).startsWith(folded));
        const similar = this.findSources(typed, { documentId, limit: MAX_COMPLETIONS }).map((hit) => hit.source.author);
        return unique([...starting, ...similar]).slice(0, MAX_COMPLETIONS);
      }
      case "terms": {
        const folded = foldForComparison(typed);
        // The vocabulary spans every document; with one chosen, only its own words are offered.
        const inDocument = documentId ? this.wordsOf(documentId) : undefined;
        const own = (word: string) => !inDocument || inDocument.has(foldForComparison(word));
        const names = this.frequentNames(200, documentId).filter((name) => foldForComparison(name).startsWith(folded));
        const words = folded ? this.index.terms.completions(folded, inDocument ? MAX_COMPLETIONS * 8 : MAX_COMPLETIONS).filter(own) : [];
        const similar = folded && names.length + words.length === 0 ? this.index.terms.similar(folded, 5).filter(own) : [];
        return unique([...names, ...words, ...similar]).slice(0, MAX_COMPLETIONS);
      }
    }
  }

  /** Frequent names of all documents (key "") and of each document asked about, worked out once. */
  private readonly frequentNamesCache = new Map<string, string[]>();
  private readonly documentWords = new Map<string, Set<string>>();

  /**
   * Capitalised words that are not sentence openers: the names and places a reader would ask about, in all
   * documents or in one.
   */
  private frequentNames(limit: number, documentId?: string): string[] {
    const key = documentId ?? "";
    let names = this.frequentNamesCache.get(key);
    if (!names) {
      const counts = new Map<string, number>();
      for (const passage of this.passages.values()) {
        if (documentId && passage.documentId !== documentId) continue;
        for (const match of passage.text.matchAll(/(?<=\s)\p{Lu}[\p{L}-]{2,}/gu)) {
          const name = match[0];
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
      names = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name]) => name)
        .slice(0, 500);
      this.frequentNamesCache.set(key, names);
    }
    return names.slice(0, limit);
  }

  /** The folded words one document uses, for keeping its completions to its own vocabulary. */
  private wordsOf(documentId: string): Set<string> {
    let words = this.documentWords.get(documentId);
    if (!words) {
      words = new Set();
      for (const passage of this.documents.find((document) => document.id === documentId)?.passages ?? []) {
        for (const word of tokenizeWords(passage.text)) words.add(word);
      }
      this.documentWords.set(documentId, words);
    }
    return words;
  }
}

/** Adds one document's passages to the index, with the words of the sources they cite and their section heading. */
function indexDocument(index: PassageIndex, document: KnowledgeDocument): void {
  const sourceByKey = new Map(document.sources.map((source) => [source.key, source]));
  // The title and subtitle describe every passage alike; as the opening passages' "section" they made
  // the introduction the answer to any question that shared a word with the title.
  const wholeDocument = new Set([document.title, document.subtitle]);
  index.add(document.passages, {
    sources: (passage) =>
      passage.citations
        .map((citation) => {
          const source = sourceByKey.get(sourceKey(citation.author, citation.year));
          return `${citation.author} ${citation.year} ${source?.reference?.details ?? ""}`;
        })
        .join(" "),
    heading: (passage) => (wholeDocument.has(passage.section) ? "" : passage.section),
  });
}

/** A passage's text without its citations: their years say when a source appeared, not what happened when. */
function withoutCitations(passage: Passage): string {
  return passage.citations.reduce((text, citation) => text.replace(citation.raw, ""), passage.text);
}

/** Distinct strings, ignoring case and accents (`Delhi` and `delhi` are one choice), first spelling kept. */
function unique(items: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) if (!seen.has(foldForComparison(item))) seen.set(foldForComparison(item), item);
  return [...seen.values()];
}
