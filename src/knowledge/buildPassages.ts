import { CONTINUING_OPENERS } from "../text/englishWords.js";
import { parseCitations } from "./parseCitations.js";
import type { CitationMention, Passage } from "./types.js";

/** Passages are what a search returns: one to three sentences, short enough to quote in chat. */
export const PASSAGE_MAX_SENTENCES = 3;
export const PASSAGE_MAX_CHARACTERS = 500;
/** A sentence this short ("The lack of a neutral arbiter further complicates talks.") rarely stands alone. */
const SHORT_SENTENCE = 40;

export interface SectionParagraphs {
  heading: string;
  sectionIndex: number;
  /** Each paragraph's sentences. */
  paragraphs: string[][];
}

/**
 * Groups a section's sentences into passages, never across a paragraph break. A sentence that opens by
 * answering the one before it ("However, …", "Conversely, …", "Meanwhile, …") joins it, so a passage
 * carries a whole point: the early talks and why they were derailed, or one scholar's view and the view set
 * against it. A short sentence joins its neighbour in the paragraph: the one before it, or, when it opens
 * the paragraph ("Critics also point to the shops."), the one it introduces.
 */
export function buildPassages(
  documentId: string,
  sections: readonly SectionParagraphs[],
  isListed: (author: string, year: string) => boolean = () => false,
): Passage[] {
  const passages: Passage[] = [];
  const citationsOf = (sentence: string) => parseCitations(sentence, isListed);
  for (const section of sections) {
    for (const paragraph of section.paragraphs) addParagraph(documentId, section, paragraph, passages, citationsOf);
  }
  return passages;
}

function addParagraph(
  documentId: string,
  section: SectionParagraphs,
  paragraph: readonly string[],
  passages: Passage[],
  citationsOf: (sentence: string) => CitationMention[],
): void {
  {
    let current: string[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const index = passages.length;
      const text = current.join(" ");
      passages.push({
        id: `${documentId}#${index}`,
        documentId,
        index,
        section: section.heading,
        sectionIndex: section.sectionIndex,
        text,
        sentences: current,
        citations: current.flatMap(citationsOf),
      });
      current = [];
    };
    for (const sentence of paragraph.flatMap(splitOverlongSentence)) {
      const joined = current.length > 0 ? current.join(" ").length + 1 + sentence.length : sentence.length;
      const fits = current.length > 0 && current.length < PASSAGE_MAX_SENTENCES && joined <= PASSAGE_MAX_CHARACTERS;
      const introduced = current.length === 1 && current[0]!.length < SHORT_SENTENCE;
      if (!(fits && (introduced || belongsWithPrevious(sentence)))) flush();
      current.push(sentence);
    }
    flush();
  }
}

function belongsWithPrevious(sentence: string): boolean {
  const opener = /^[\p{L}]+/u.exec(sentence)?.[0]?.toLowerCase() ?? "";
  return CONTINUING_OPENERS.has(opener) || sentence.length < SHORT_SENTENCE;
}

/**
 * A sentence over the passage limit is cut at clause boundaries (`;`, then `,`, then spaces) into verbatim
 * pieces, never inside a parenthesis, so a citation stays whole.
 */
export function splitOverlongSentence(sentence: string): string[] {
  if (sentence.length <= PASSAGE_MAX_CHARACTERS) return [sentence];
  for (const separator of [/;\s+/g, /,\s+/g, /\s+/g]) {
    const pieces = packPieces(sentence, separator);
    if (pieces) return pieces;
  }
  return chunk(sentence);
}

function packPieces(sentence: string, separator: RegExp): string[] | null {
  const cuts: number[] = [];
  for (const match of sentence.matchAll(separator)) {
    const end = match.index! + match[0].length;
    if (!insideParenthesis(sentence, match.index!)) cuts.push(end);
  }
  const pieces: string[] = [];
  let start = 0;
  let lastGood = -1;
  for (const cut of [...cuts, sentence.length]) {
    if (cut - start > PASSAGE_MAX_CHARACTERS) {
      if (lastGood <= start) return null;
      pieces.push(sentence.slice(start, lastGood).trim());
      start = lastGood;
      if (cut - start > PASSAGE_MAX_CHARACTERS) return null;
    }
    lastGood = cut;
  }
  pieces.push(sentence.slice(start).trim());
  return pieces.filter(Boolean);
}

function insideParenthesis(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

function chunk(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += PASSAGE_MAX_CHARACTERS) pieces.push(text.slice(i, i + PASSAGE_MAX_CHARACTERS));
  return pieces;
}
