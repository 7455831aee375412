/**
 * Shortening text to a platform limit. Quotes are verbatim and cited, so a cut must never leave a half
 * citation (`(BBC, 20…`) that reads like a different source: the cut backs off to before the parenthesis.
 */

export const ELLIPSIS = "…";

/*
 * A parenthesis counts as a citation when it holds a year (`(BBC, 2022)`, `(e.g., Ostrom, 1990a)`,
 * `(2014-2015)`) or `n.d.`. Other asides may be cut like any text, so one long aside cannot swallow the cut.
 */
const CITATION_MARKER = /\b(?:1[5-9]|20)\d\d[a-z]?\b|\bn\.d\./;
const TRAILING_JOINERS = /[\s,;:\u2013\u2014-]+$/u;

/**
 * `text` cut to at most `max` characters (UTF-16 units, what the platforms count or more) at a word boundary,
 * ending in "…". Text that fits is returned unchanged. Never cuts inside a parenthesised citation or between
 * the halves of a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const room = max - ELLIPSIS.length;
  const cut = outsideCitation(text, wordBoundaryAtOrBefore(text, room));
  return text.slice(0, cut).replace(TRAILING_JOINERS, "") + ELLIPSIS;
}

/** The end of the last whole word that fits in `room`; a hard cut when a single word is longer than that. */
function wordBoundaryAtOrBefore(text: string, room: number): number {
  for (let i = room; i > 0; i--) {
    if (/\s/.test(text.charAt(i))) return i;
  }
  const code = text.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/**
 * Moves `cut` to before the outermost parenthesised citation it would land inside. A parenthesis that never
 * closes is not a citation and does not move the cut.
 */
function outsideCitation(text: string, cut: number): number {
  const open: number[] = [];
  for (let i = 0; i < cut; i++) {
    const ch = text.charAt(i);
    if (ch === "(") open.push(i);
    else if (ch === ")") open.pop();
  }
  for (const start of open) {
    const end = matchingClose(text, start);
    if (end !== -1 && CITATION_MARKER.test(text.slice(start, end + 1))) return start;
  }
  return cut;
}

function matchingClose(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Cuts `text` so that `render(cut)` fits in `max`. Escaping and prefixes make rendered text longer than its
 * source, and cutting after rendering could split an entity (`&am…`) or an escape (`\…`); so the source is cut
 * and re-rendered with a smaller allowance until it fits. Returns the rendered text, or "" when even an empty
 * source renders too long or nothing of the source fits.
 */
export function truncateRendered(text: string, max: number, render: (text: string) => string): string {
  let allowance = Math.min(text.length, Math.max(0, max));
  for (;;) {
    const cut = truncate(text, allowance);
    if (cut === "" && text !== "") return "";
    const rendered = render(cut);
    if (rendered.length <= max) return rendered;
    if (allowance === 0) return "";
    allowance = Math.max(0, allowance - Math.max(1, rendered.length - max));
  }
}

/**
 * Renders whole items (reference entries, lines) and joins them with `separator` while they fit in `max`, then
 * adds the already-rendered line `omitted(count)` for the rest. The first item is cut rather than dropped when it
 * is too long on its own. Returns the joined text and how many items it holds.
 */
export function joinWhileFits(
  items: readonly string[],
  max: number,
  separator: string,
  render: (item: string) => string,
  omitted: (count: number) => string,
): { text: string; count: number } {
  let text = "";
  let count = 0;
  for (const [index, item] of items.entries()) {
    const rest = items.length - index - 1;
    const note = rest > 0 ? omitted(rest) : "";
    const tail = note === "" ? "" : separator + note;
    const room = max - text.length - (count > 0 ? separator.length : 0) - tail.length;
    const whole = render(item);
    const piece = whole.length <= room ? whole : count === 0 ? truncateRendered(item, room, render) : "";
    if (piece === "") break;
    text += (count > 0 ? separator : "") + piece;
    count++;
  }
  if (count < items.length && omitted(items.length - count) !== "") {
    const note = omitted(items.length - count);
    const joined = text === "" ? note : text + separator + note;
    if (joined.length <= max) text = joined;
  }
  return { text, count };
}
