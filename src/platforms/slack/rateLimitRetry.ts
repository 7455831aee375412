/**
 * Slack answers a burst with 429 and `Retry-After`. One wait and one retry covers a passing burst; waiting
 * longer would hold a reply the user has stopped looking at, so a longer wait is capped and a second refusal
 * is final.
 */
export const MAX_RETRY_WAIT_MS = 5_000;

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited by Slack (retry after ${retryAfterSeconds} s)`);
  }
}

export async function retryOnceWhenRateLimited<T>(
  attempt: () => Promise<T>,
  retryAfterOf: (error: unknown) => number | undefined,
  maxWaitMs: number = MAX_RETRY_WAIT_MS,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    const seconds = retryAfterOf(error);
    if (seconds === undefined) throw error;
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 0) * 1000, maxWaitMs)));
    return attempt();
  }
}
