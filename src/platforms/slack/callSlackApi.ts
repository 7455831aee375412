import { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { retryOnceWhenRateLimited } from "./rateLimitRetry.js";

export type SlackApiOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs one Web API call (chat.postMessage, chat.scheduleMessage…) with a single retry on 429, and turns any
 * failure into one log line and an outcome, so a listener never crashes on Slack being unavailable. The
 * client must be built with `rejectRateLimitedCalls: true` so that a 429 reaches here instead of a long wait.
 */
export async function callSlackApi<T>(
  method: string,
  call: () => Promise<T>,
  logger: Logger,
  maxWaitMs?: number,
): Promise<SlackApiOutcome<T>> {
  try {
    const value = await retryOnceWhenRateLimited(call, retryAfterOf, maxWaitMs);
    return { ok: true, value };
  } catch (error) {
    const reason = slackErrorReason(error);
    logger.warn(`Slack ${method} failed: ${reason}`);
    return { ok: false, error: reason };
  }
}

function retryAfterOf(error: unknown): number | undefined {
  const rateLimited = error as Partial<webApi.WebAPIRateLimitedError> | null;
  return rateLimited?.code === webApi.ErrorCode.RateLimitedError ? (rateLimited.retryAfter ?? 1) : undefined;
}

/** Slack's error code (`not_in_channel`, `invalid_auth`) when there is one, else the error's message. */
export function slackErrorReason(error: unknown): string {
  const slackError = error as Partial<webApi.WebAPICallError> | null;
  if (slackError?.code === webApi.ErrorCode.PlatformError && slackError.data?.error) return slackError.data.error;
  if (slackError?.code === webApi.ErrorCode.RateLimitedError) return "rate_limited";
  return error instanceof Error ? error.message : String(error);
}

/** Slack's answers when the bot may not post in a conversation (not invited, or a conversation it cannot join). */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

export function isNotAMember(reason: string | undefined): boolean {
  return reason !== undefined && NOT_A_MEMBER.has(reason);
}
