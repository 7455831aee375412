import { encodeInvocationIntact } from "../../reply/invocation.js";
import type { ReplyAction } from "../../reply/types.js";

/**
 * The "More" button: the same command one page on. A button value holds at most 2,000 characters (Slack's
 * limit; Discord's adapter keys longer values), so only a question longer than that would be shortened and page
 * two would answer a different question; then there is no button and the reply says why instead.
 */
export function moreAction(command: string, args: Record<string, string | undefined>, page: number): ReplyAction | undefined {
  const value = encodeInvocationIntact({ command, args, page: page + 1 });
  return value ? { label: "More", value, style: "primary" } : undefined;
}

export const MORE_UNAVAILABLE = "There are more passages; ask a shorter question to page through them with a More button.";
