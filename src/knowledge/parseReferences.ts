import type { ReferenceEntry } from "./types.js";

const BULLET = /^\s*(?:[-*•–]|\d+[.)])\s+/;
const REFERENCE_HEADING = /^\s*#*\s*(references|bibliography|works cited|sources|reference list)\s*:?\s*$/i;
/** A Markdown heading: a reference list never runs across one. */
const SECTION_HEADING = /^\s*#{1,6}\s/;
/** A sentence ending inside what would be the authors: `Publish the readings weekly. Okafor, C. (2019)` is prose. */
const SENTENCE_INSIDE = /\p{Ll}{2,}\.\s+\p{Lu}/u;
const ENTRY = /^(.+?)\s*\(((?:1[5-9]\d{2}|20\d{2})[a-z]?|n\.d\.)\)\.?\s*(.*)$/;

/**
 * Finds where the reference list starts: an explicit "References" heading, or the trailing run of bulleted
 * entries and their broken continuation lines (`- Ostrom, E.` / `(1990).` / `Governing the Commons.`) after the
 * last section heading (a Word or web document's lists are bulleted lines too).
 * Returns the index of the first line of the list, or `lines.length` when there is none.
 */
export function findReferenceListStart(lines: readonly string[]): number {
  const headingAt = lines.findIndex((line) => REFERENCE_HEADING.test(line));
  if (headingAt >= 0) return headingAt;
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (SECTION_HEADING.test(line)) break;
    if (BULLET.test(line)) start = i;
    else if (!looksLikeContinuation(line)) break;
  }
  // Continuation lines with no bullet above them are body text, not references.
  return start;
}

/** A broken-off piece of a reference entry: short, and not a sentence of prose. */
function looksLikeContinuation(line: string): boolean {
  return line.length <= 160 && line.split(/\s+/).length <= 20;
}

/** Joins each entry's broken lines and parses author, year and the rest. */
export function parseReferences(lines: readonly string[]): ReferenceEntry[] {
  const entries: string[] = [];
  for (const line of lines) {
    if (REFERENCE_HEADING.test(line) || !line.trim()) continue;
    if (BULLET.test(line) || entries.length === 0) entries.push(line.replace(BULLET, "").trim());
    else entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries.flatMap((text) => {
    const match = ENTRY.exec(text);
    if (!match || SENTENCE_INSIDE.test(match[1]!)) return [];
    const authors = match[1]!.trim();
    const details = match[3]!.trim().replace(/\.$/, "").trim();
    return [{ author: surnameOf(authors), year: match[2]!, details: details || null, text }];
  });
}

/** `Ostrom, E.` → `Ostrom`; `BBC.` → `BBC`; `Financial Times.` → `Financial Times`; `Smith, J., & Lee, K.` → `Smith`. */
function surnameOf(authors: string): string {
  const first = authors.split(/,\s*|\s+&\s+|\s+and\s+/)[0] ?? authors;
  return first.replace(/\.$/, "").trim();
}
