import type { KnowledgeBase, SearchOutcome } from "../knowledge/index.js";
import { contextActions } from "./contextActions.js";
import { moreAction, MORE_UNAVAILABLE } from "./moreAction.js";
import { quotePassage } from "./quotePassage.js";
import type { Reply, ReplyAction, ReplyQuote } from "./reply.js";

export const PASSAGES_PER_PAGE = 3;

export interface PassagePage {
  quotes: ReplyQuote[];
  /** More (the same command one page on), then a Context button per quote. */
  actions: ReplyAction[];
  /** "Passages 4-6 of 11." */
  range: string;
  /** Why there is no More button although there are more passages, when that is so. */
  moreUnavailable?: string;
}

/** One page of search hits as a reply's quotes and buttons: what /ask and /source share. */
export function passagePage(
  knowledge: KnowledgeBase,
  outcome: SearchOutcome,
  invocation: { command: string; args: Record<string, string | undefined>; page: number },
): PassagePage {
  const offset = invocation.page * PASSAGES_PER_PAGE;
  const quotes = outcome.hits.map((hit) => ({ ...quotePassage(knowledge, hit.passage), score: hit.score }));
  const shownTo = offset + quotes.length;
  const hasMore = outcome.total > shownTo;
  const more = hasMore ? moreAction(invocation.command, invocation.args, invocation.page) : undefined;
  return {
    quotes,
    actions: [...(more ? [more] : []), ...contextActions(quotes)],
    range: `Passages ${offset + 1}-${shownTo} of ${outcome.total}.`,
    ...(hasMore && !more ? { moreUnavailable: MORE_UNAVAILABLE } : {}),
  };
}

/** "More" pressed after the last page. */
export function noMorePassagesReply(what: string): Reply {
  return { title: "No more passages", text: `That was every passage ${what}.`, quotes: [], visibility: "private", kind: "notice" };
}
