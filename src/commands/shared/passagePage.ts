import type { KnowledgeBase, SearchOutcome } from "../../knowledge/index.js";
import { contextActions } from "../core/context.js";
import { quotePassage } from "./quotePassage.js";
import { invocationButton, noticeReply } from "../../reply/builders.js";
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
  // Only a question longer than a button value (2,000 characters) has no More: page two would answer a shorter one.
  const more = hasMore ? invocationButton("More", { ...invocation, page: invocation.page + 1 }, { style: "primary" }) : undefined;
  return {
    quotes,
    actions: [...(more ? [more] : []), ...contextActions(quotes)],
    range: `Passages ${offset + 1}-${shownTo} of ${outcome.total}.`,
    ...(hasMore && !more ? { moreUnavailable: MORE_UNAVAILABLE } : {}),
  };
}

const MORE_UNAVAILABLE = "There are more passages; ask a shorter question to page through them with a More button.";

/** "More" pressed after the last page. */
export function noMorePassagesReply(what: string): Reply {
  return noticeReply("No more passages", `That was every passage ${what}.`);
}
