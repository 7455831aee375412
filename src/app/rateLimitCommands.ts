import { noticeReply } from "../reply/builders.js";
import type { Reply } from "../reply/types.js";
import type { CommandMiddleware } from "../commands/registry/wrapCommandRuns.js";
import type { RateLimits, RateWindow } from "../store/index.js";

const rateLimitedReplies = new WeakSet<Reply>();

/** True for the reply that stood in for a command refused by the rate limit. */
export function isRateLimitedReply(reply: Reply): boolean {
  return rateLimitedReplies.has(reply);
}

/**
 * Refuses a user's commands beyond the limit with a short private note instead of running them. Keyed by
 * platform and user id, so the same id on two platforms is two users. The windows live in the store, so every
 * instance sharing it counts the same commands; the store answers from this process's memory while its backend
 * is down, and a store that fails anyway (closed while shutting down) lets the command through: a limit is no
 * reason to leave someone unanswered.
 */
export function rateLimitCommands(limits: RateLimits, window: RateWindow): CommandMiddleware {
  return async (request, next) => {
    if (!request.platform.rateLimited) return next(request);
    const decision = await limits.take(`${request.platform.name}:${request.user.id}`, window).catch(() => ({ allowed: true as const }));
    if (decision.allowed) return next(request);
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    const reply = noticeReply("One moment", `You're sending commands faster than I can keep up with. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`);
    rateLimitedReplies.add(reply);
    return reply;
  };
}
