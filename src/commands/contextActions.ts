import { encodeInvocationIntact } from "./invocation.js";
import type { ReplyAction, ReplyQuote } from "./reply.js";

/** Enough to open the first quotes in context without crowding Slack's and Discord's button rows. */
export const MAX_CONTEXT_ACTIONS = 3;

/**
 * "Context 1", "Context 2"…: one button per quote shown (at most three) that opens the passage with its
 * neighbours. A passage id too long to survive the 100-character button value is left without a button
 * rather than given one that would open the wrong passage.
 */
export function contextActions(quotes: readonly ReplyQuote[]): ReplyAction[] {
  const actions: ReplyAction[] = [];
  quotes.slice(0, MAX_CONTEXT_ACTIONS).forEach((quote, i) => {
    const value = encodeInvocationIntact({ command: "context", args: { passage: quote.passageId } });
    if (value) actions.push({ label: `Context ${i + 1}`, value });
  });
  return actions;
}
