/**
 * Mends sentences that a one-sentence-per-line export cut at abbreviations: `(e.` / `g.` / `, Ostrom, 1990)`
 * and `The U.` / `S.` / `and EU's …`. Derived from the shape of the lines, not from any one document.
 */

/** A line that ends with a single-letter abbreviation such as `(e.` or `The U.`. */
const ENDS_WITH_INITIAL = /(?:^|[\s(\[])(?:[A-Za-z]\.)+$/;
/** A line that is only a single-letter fragment such as `g.` or `S.`. */
const INITIAL_FRAGMENT = /^(?:[A-Za-z]\.)+$/;
/** A line that continues the previous one: it starts with closing punctuation. */
const STARTS_WITH_CONTINUATION_PUNCTUATION = /^[,;:.)\]]/;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

/** A line of a document, and whether a blank line comes before it (it opens a paragraph). */
export interface DocumentLine {
  text: string;
  opensParagraph: boolean;
}

/** Mends broken lines; a line after a blank line is never glued to the one before it. */
export function repairBrokenLines(lines: readonly DocumentLine[]): DocumentLine[] {
  const repaired: DocumentLine[] = [];
  for (const line of lines) {
    const previous = repaired.at(-1);
    const glue = previous && !line.opensParagraph ? joinGlue(previous.text, line.text) : null;
    if (previous && glue !== null) previous.text = previous.text + glue + line.text;
    else repaired.push({ ...line });
  }
  return repaired;
}

/** How to join `next` onto `previous`: "" (no space), " ", or null when `next` starts a new sentence. */
function joinGlue(previous: string, next: string): string | null {
  if (ENDS_WITH_INITIAL.test(previous) && INITIAL_FRAGMENT.test(next)) return "";
  if (STARTS_WITH_CONTINUATION_PUNCTUATION.test(next)) return "";
  if (STARTS_LOWER_CASE.test(next)) return " ";
  return null;
}
