/**
 * The parsed model of a document. Everything a reply quotes comes from `Passage.text`, which is the
 * document's own wording (repaired line breaks only), so answers are never paraphrased.
 */

/** An in-text citation as written in the document: `(BBC, 2022)`, `Mearsheimer (2014)`, `(e.g., Kofman, 2023)`. */
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
  /** Whatever follows the year: title and/or venue (`War on the Rocks`). Null when the entry gives none. */
  details: string | null;
  /** The whole entry, repaired: `Kofman, M. (2023). War on the Rocks.` */
  text: string;
}

/** A cited source: in-text citations and reference entries joined on author and year. */
export interface Source {
  /** `kofman-2023`: lower-cased author and year. */
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
}

export interface Section {
  heading: string;
  index: number;
  passageIds: string[];
}

export interface KnowledgeDocument {
  /** From the file name: `russia-ukraine-peace-talks`. */
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
}
