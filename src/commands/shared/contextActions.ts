import { encodeInvocationIntact } from "../../reply/invocation.js";
import type { ReplyAction, ReplyQuote } from "../../reply/types.js";

/**
 * "Context 1", "Context 2"…: one button per quote, tied to its quote, that opens the passage with its
 * neighbours. Renderers keep as many as the platform's buttons allow, for the quotes they show. A passage id
 * too long to travel in a button value is left without one rather than given one that opens the wrong passage.
 */
export function contextActions(quotes: readonly ReplyQuote[]): ReplyAction[] {
  const actions: ReplyAction[] = [];
  quotes.forEach((quote, i) => {
    const value = encodeInvocationIntact({ command: "context", args: { passage: quote.passageId } });
    if (value) actions.push({ label: `Context ${i + 1}`, value, quote: i });
  });
  return actions;
}
