/**
 * The parsed model of a document. Everything a reply quotes comes from `Passage.text`, which is the
 * document's own wording (repaired line breaks only), so answers are never paraphrased.
 */

/** An in-text citation as written in the document: `(BBC, 2022)`, `Ostrom (1990)`, `(e.g., Sen, 1999)`. */
export interface CitationMention {
  author: string;
  year: string;
  /** The citation as it appears in the text. */
  raw: string;
}

/** One entry of the reference list, repaired from its broken lines. */
export interface ReferenceEntry {
  author: string;
  year: string;
  /** Whatever follows the year: title and/or venue (`Governing the Commons`). Null when the entry gives none. */
  details: string | null;
  /** The whole entry, repaired: `Ostrom, E. (1990). Governing the Commons.` */
  text: string;
}

/** A cited source: in-text citations and reference entries joined on author and year. */
export interface Source {
  /** `ostrom-1990`: lower-cased author and year. */
  key: string;
  author: string;
  year: string;
  inReferenceList: boolean;
  /** Cited somewhere in the text. */
  cited: boolean;
  reference: ReferenceEntry | null;
  /** Ids of the passages that cite this source, in document order. */
  passageIds: string[];
  /** Why this source cannot be fully checked, in plain words; empty when it can. */
  problems: string[];
}

export interface Passage {
  /** `<documentId>#<index>`: stable for a given document text. */
  id: string;
  documentId: string;
  /** Position in the document, from 0. */
  index: number;
  section: string;
  sectionIndex: number;
  /** One to three sentences, verbatim. */
  text: string;
  sentences: string[];
  citations: CitationMention[];
  /** Documents with pages (PDF): the page the passage starts on, from 1. */
  page?: number;
  /** When the passage runs onto a later page: the page it ends on. */
  pageEnd?: number;
}

export interface Section {
  heading: string;
  index: number;
  passageIds: string[];
}

export interface KnowledgeDocument {
  /** From the file name: `water-wars`. */
  id: string;
  /** The file it was read from, relative to the knowledge folder. */
  file: string;
  title: string;
  subtitle: string | null;
  sections: Section[];
  passages: Passage[];
  sources: Source[];
  references: ReferenceEntry[];
  /** Integrity findings a reader should know about (missing references, uncited entries, incomplete entries). */
  problems: string[];
  /** From `<id>.topics.json` beside the document, when there is one. */
  topics?: DocumentTopics;
}

/**
 * A document's topic file (`knowledge/<document-id>.topics.json`): answers the document gives to a
 * recurring question, each served by its own command (`/why-stalled`). Keys other than `topics` belong to
 * other features (`motions`, for debate) and are kept as read.
 */
export interface DocumentTopics {
  /** The topic file, relative to the knowledge folder. */
  file: string;
  topics: Topic[];
  /** Curated debate motions, validated by the debate feature. */
  motions?: unknown[];
  /**
   * Other names readers use for what the document names (`{"Mumbai": ["Bombay"], "Burma": ["Myanmar"]}`): the
   * document's own name, then the aliases a question may use for it.
   */
  aliases?: Record<string, string[]>;
}

export interface Topic {
  /** The command that answers it: `why-stalled` (1-32 of a-z, 0-9, - and _). */
  command: string;
  /** At most 100 characters: shown by /help and in the platforms' command pickers. */
  description: string;
  /** The question as a reader would ask it: the reply's title. */
  question?: string;
  /** Where the document answers it: a short verbatim phrase from that passage. Default: the thesis. */
  answer?: { passage: string };
  /** The reasons the answer names, each shown with evidence passages from the body of the document. */
  reasons: TopicReason[];
}

export interface TopicReason {
  label: string;
  /** Search words for evidence passages. */
  query?: string;
  /** Short verbatim phrases pinning evidence passages, shown first. */
  evidence?: string[];
}
