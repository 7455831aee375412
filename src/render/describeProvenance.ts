/**
 * The wording of where a quote comes from and what it cites, shared by every renderer so a citation reads the
 * same on Slack, Discord and the terminal. Returns raw text: each renderer escapes it for its own target.
 */

import type { ReplyCitation, ReplyQuote } from "../reply/types.js";

/** `Wilson, 2022`: the in-text form a reader can match against the passage. */
export function citationSource(citation: ReplyCitation): string {
  return [citation.author, citation.year].filter((part) => part.trim() !== "").join(", ");
}

/**
 * One line per citation: `Wilson, 2022 — Wilson, A. (2022). Chatham House.` when the reference is known,
 * `Reuters, 2023: not in the reference list` when it cannot be checked, and both when a known reference is
 * still incomplete. A reader must see the warning as prominently as the reference it replaces.
 */
export function describeCitation(citation: ReplyCitation): string {
  const source = citationSource(citation);
  const warning = citation.warning?.trim() || null;
  if (citation.reference !== null && citation.reference.trim() !== "") {
    return warning ? `${source} — ${citation.reference} (${warning})` : `${source} — ${citation.reference}`;
  }
  return warning ? `${source}: ${warning}` : source;
}

/** Whether a citation line should carry a warning sign. */
export function citationHasWarning(citation: ReplyCitation): boolean {
  return Boolean(citation.warning?.trim());
}

/**
 * `Background · Water Wars`: section first, since that is where a reader looks; then the page, in documents
 * with pages (`Background · Water Wars · p. 12`, `pp. 12–13` for a passage that runs over).
 */
export function describeOrigin(quote: ReplyQuote): string {
  const page = quote.page === undefined ? "" : quote.pageEnd === undefined ? `p. ${quote.page}` : `pp. ${quote.page}–${quote.pageEnd}`;
  return [quote.section, quote.document, page].filter((part) => part.trim() !== "").join(" · ");
}
