/**
 * Every number that tunes how the knowledge base searches, in one typed object with its defaults in one
 * place (as MiniSearch keeps its options): field boosts and bonuses of the ranking, the weights of a query
 * word's other forms, how far a query is expanded with WordNet, when an answer counts as `strong`, and how
 * typos and names are matched. `new KnowledgeBase(documents, errors, options)` takes any part of it; what is
 * left out keeps its default. Defaults were tuned on the judged set in tests/knowledge (not its held-out part).
 */

/** How passages are ranked for a query. */
export interface RankingOptions {
  /** Per-field boost: a heading or a cited author naming the query is a strong sign the passage is about it. */
  fieldBoost: { text: number; section: number; sources: number };
  /**
   * Stems merge `neutral` and `neutrality`; the word actually typed gets this share of its weight again in
   * the passages that contain it as typed.
   */
  exactWordBonus: number;
  /** Two query words side by side in a passage (`security guarantees`): this share of their weight again. */
  phraseBonus: number;
  /** Only the best this many candidates are re-ranked for exact words, phrases and common words. */
  rerankDepth: number;
  /**
   * In a large corpus, a word in more than this share of passages ("war", "talks") matches thousands of them
   * and costs most of a query's time while hardly changing the order; such words then only re-rank the
   * passages the rarer words found.
   */
  commonWordShare: number;
  /** Below this many passages no word is treated as common (every word is searched). */
  commonWordMinPassages: number;
  /** For a "when" or "how many" question: how far a passage holding a date or an amount moves up (×(1 + this)). */
  answerTypePreference: number;
  /** …among how many of the best passages. */
  answerTypeDepth: number;
}

/** The weight of each kind of form of a query word, against the word as typed (1). */
export interface FormWeightOptions {
  /** A typo corrected into a document word (`dehli` → `delhi`). */
  corrected: number;
  /** Another name for it from the document's topics file (`Bombay` → `Mumbai`). */
  alias: number;
  /** The same word family (fail → failure), or a name's adjective or people (West → Western). */
  derived: number;
  /** A WordNet synonym or near word from the word's commonest sense. */
  relatedFirstSense: number;
  /** One from a later sense, a broader word, or a synonym of a word the documents already use. */
  relatedOtherSense: number;
  /** Multiplies every form of a word that only frames the question ("argue", "role", "happen"). */
  frame: number;
}

/** How far a query is expanded with WordNet, and how much each word is taken to matter. */
export interface ExpansionOptions {
  /** A word of more senses than this (`take`, `hold`) gets no synonyms: they would find anything. */
  maxSensesForSynonyms: number;
  /** Texts of more content words than this (a pasted message, a claim) get no synonyms, only word families. */
  maxExpandedWords: number;
  /** At most this many WordNet words per query word. */
  maxRelatedForms: number;
  /** The specificity of a word WordNet does not know (a function word: `between`, `toward`). */
  minSpecificity: number;
  /** The specificity of a word with no noun senses; a noun-only word has 1. */
  verbLikeSpecificity: number;
}

/** When the best passage counts as answering a question (`strong`) rather than being only the nearest (`weak`). */
export interface ConfidenceOptions {
  /**
   * The share of the question's weight (each subject word by its rarity) the best passage must cover for a
   * strong answer; words the documents never use count against it by their specificity.
   */
  strongCoverage: number;
  /** The share needed when a thing the question names (a noun-like word) is in no document. */
  strongCoverageWithMissingThing: number;
  /**
   * How noun-like (specificity) a missing word must be to count as a missing thing: it then counts fully
   * against the coverage, and raises the share needed to `strongCoverageWithMissingThing`.
   */
  thingSpecificity: number;
  /**
   * A missing word that is no thing (a verb or modifier the document words otherwise: asked "broken", it says
   * "violated") counts against the coverage by its specificity to this power: 3 makes a verb (0.3) count 3%.
   */
  missingWordExponent: number;
}

/** How typed words are corrected and names looked up. */
export interface CorrectionOptions {
  /** Shorter words are never corrected: a fuzzy match is more likely wrong than right. */
  minLength: number;
  /** Longer words are matched exactly or not at all (a pasted 100 KB "word"). */
  maxLength: number;
  /** Fuse.js's 0-1 distance for a correction; 0.4 admits a swap in a five-letter name (`dehli` → `delhi`). */
  threshold: number;
  /** A correction differs in length by at most this many letters. */
  maxLengthDifference: number;
  /** Words of this length or more may be two edits from their correction; shorter ones one. */
  longWord: number;
  /** Corrections (and "is this a name") remembered per index before the memory is cleared. */
  cacheSize: number;
  /** Fuse.js's 0-1 distance for looking up sources, sections and documents by name (`mershimer`). */
  nameThreshold: number;
}

export interface SearchTuning {
  ranking: RankingOptions;
  forms: FormWeightOptions;
  expansion: ExpansionOptions;
  confidence: ConfidenceOptions;
  correction: CorrectionOptions;
}

/** Any part of the tuning, group by group (and boost by boost); the rest keeps its default. */
export type SearchTuningOptions = { [Group in Exclude<keyof SearchTuning, "ranking">]?: Partial<SearchTuning[Group]> } & {
  ranking?: Partial<Omit<RankingOptions, "fieldBoost">> & { fieldBoost?: Partial<RankingOptions["fieldBoost"]> };
};

export const DEFAULT_SEARCH_TUNING: Readonly<SearchTuning> = Object.freeze({
  ranking: {
    fieldBoost: { text: 1, section: 0.6, sources: 1.5 },
    exactWordBonus: 0.5,
    phraseBonus: 0.5,
    rerankDepth: 200,
    commonWordShare: 0.02,
    commonWordMinPassages: 5000,
    answerTypePreference: 0.25,
    answerTypeDepth: 10,
  },
  forms: {
    corrected: 1,
    alias: 0.9,
    derived: 0.7,
    relatedFirstSense: 0.45,
    relatedOtherSense: 0.3,
    frame: 0.3,
  },
  expansion: {
    maxSensesForSynonyms: 16,
    maxExpandedWords: 16,
    maxRelatedForms: 6,
    minSpecificity: 0.25,
    verbLikeSpecificity: 0.3,
  },
  confidence: {
    strongCoverage: 0.35,
    strongCoverageWithMissingThing: 0.45,
    thingSpecificity: 0.7,
    missingWordExponent: 3,
  },
  correction: {
    minLength: 4,
    maxLength: 40,
    threshold: 0.4,
    maxLengthDifference: 2,
    longWord: 7,
    cacheSize: 10_000,
    nameThreshold: 0.4,
  },
});

/** The defaults with `options` laid over them, group by group. */
export function searchTuning(options: SearchTuningOptions = {}): SearchTuning {
  const d = DEFAULT_SEARCH_TUNING;
  return {
    ranking: { ...d.ranking, ...options.ranking, fieldBoost: { ...d.ranking.fieldBoost, ...options.ranking?.fieldBoost } },
    forms: { ...d.forms, ...options.forms },
    expansion: { ...d.expansion, ...options.expansion },
    confidence: { ...d.confidence, ...options.confidence },
    correction: { ...d.correction, ...options.correction },
  };
}
