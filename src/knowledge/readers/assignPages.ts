import type { Passage } from "../types.js";
import type { ExtractedText } from "./types.js";

/**
 * Gives each passage the page it starts on (and the page it ends on, when that is a later one), by finding it
 * in the extracted text with the reader's page map. Passages are found in order, each after the one before,
 * so a sentence the document repeats is placed where that passage has it. Whitespace is ignored: the parser
 * joins lines with spaces where the text had line breaks.
 */
export function assignPages(passages: readonly Passage[], extracted: ExtractedText): void {
  const pages = extracted.pages;
  if (!pages || pages.length === 0) return;
  // The text without whitespace, and the page of each of its characters.
  let compact = "";
  const pageAt = new Int32Array(extracted.text.length);
  let next = 0;
  let page = pages[0]!.page;
  for (let i = 0; i < extracted.text.length; i++) {
    while (next < pages.length && pages[next]!.offset <= i) page = pages[next++]!.page;
    const character = extracted.text[i]!;
    if (/\s/.test(character)) continue;
    pageAt[compact.length] = page;
    compact += character;
  }
  let cursor = 0;
  for (const passage of passages) {
    const wanted = passage.text.replace(/\s+/g, "");
    const at = compact.indexOf(wanted, cursor);
    if (wanted === "" || at < 0) continue;
    const first = pageAt[at]!;
    const last = pageAt[at + wanted.length - 1]!;
    passage.page = first;
    if (last !== first) passage.pageEnd = last;
    cursor = at + wanted.length;
  }
}

/** A passage's page fields, only those it has: for spreading into a reply or a JSON record. */
export function pagesOf(passage: Pick<Passage, "page" | "pageEnd">): { page?: number; pageEnd?: number } {
  return {
    ...(passage.page !== undefined ? { page: passage.page } : {}),
    ...(passage.pageEnd !== undefined ? { pageEnd: passage.pageEnd } : {}),
  };
}
