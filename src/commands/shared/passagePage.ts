import type { KnowledgeBase, SearchOutcome } from "../../knowledge/index.js";
import { contextActions } from "./contextActions.js";
import { moreAction, MORE_UNAVAILABLE } from "./moreAction.js";
import { quotePassage } from "./quotePassage.js";
import type { Reply, ReplyAction, ReplyQuote } from "../../reply/types.js";

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

/**
 * One page of search hits as a reply's quotes and buttons: what /ask and /source share. Each quote of
 * several sentences carries the one that answered.
 */
export function passagePage(
  knowledge: KnowledgeBase,
  outcome: Pick<SearchOutcome, "hits" | "total">,
  invocation: { command: string; args: Record<string, string | undefined>; page: number },
  perPage = PASSAGES_PER_PAGE,
): PassagePage {
  const offset = invocation.page * perPage;
  const quotes = outcome.hits.map((hit) => ({
    ...quotePassage(knowledge, hit.passage),
    score: hit.score,
    ...(hit.sentence ? { answering: hit.sentence } : {}),
  }));
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
