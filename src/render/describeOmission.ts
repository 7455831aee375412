/**
 * What a renderer says when a platform limit made it leave quotes out. Dropping quotes silently would let a
 * reader take a partial answer for the whole one, so the count is always stated, with the way to see the rest
 * when the reply offers one.
 */

import type { ReplyAction } from "../reply/types.js";

/** The button that pages through further results, if the reply has one ("More", "Show more"). */
export function findMoreAction(actions: readonly ReplyAction[]): ReplyAction | undefined {
  return actions.find((action) => /\bmore\b/i.test(action.label));
}

/**
 * `Showing 3 of 60 passages; 57 more not shown. Use More to see the rest.` Raw text: the caller escapes it.
 * `moreLabel` is the label of a More button that is actually rendered, never one that was dropped.
 */
export function describeOmittedQuotes(shown: number, total: number, moreLabel?: string): string {
  const omitted = total - shown;
  const noun = total === 1 ? "passage" : "passages";
  const how = moreLabel ? ` Use ${moreLabel} to see the rest.` : "";
  return `Showing ${shown} of ${total} ${noun}; ${omitted} more not shown.${how}`;
}

/** `30 more fields not shown.` */
export function describeOmittedFields(omitted: number): string {
  return `${omitted} more ${omitted === 1 ? "field" : "fields"} not shown.`;
}

/** `+4 more references` */
export function describeOmittedReferences(omitted: number): string {
  return `+${omitted} more ${omitted === 1 ? "reference" : "references"}`;
}
