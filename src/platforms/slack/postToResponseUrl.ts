import type { Logger } from "../../logger.js";
import { RateLimitedError, retryOnceWhenRateLimited } from "./rateLimitRetry.js";

export interface ResponseUrlMessage {
  text: string;
  blocks?: unknown[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
}

export interface PostToResponseUrlOptions {
  /** Cap on the one wait a 429 asks for. */
  maxWaitMs?: number;
  timeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Posts a message to a `response_url` (a button click's or a shortcut's way to answer later). Never throws:
 * the click has already been acknowledged, so a failure can only be logged. A 429 is retried once after
 * `Retry-After`. Only Slack's own hosts are called, so a forged URL cannot turn the bot into a proxy.
 */
export async function postToResponseUrl(
  url: string,
  message: ResponseUrlMessage,
  logger: Logger,
  options: PostToResponseUrlOptions = {},
): Promise<boolean> {
  if (!isSlackResponseUrl(url)) {
    logger.warn("Slack response_url is not a Slack address; reply not sent");
    return false;
  }
  const post = async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    if (response.status === 429) {
      await response.body?.cancel();
      throw new RateLimitedError(Number(response.headers.get("retry-after")) || 1);
    }
    const answer = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status} ${answer.slice(0, 100)}`.trim());
  };
  try {
    await retryOnceWhenRateLimited(
      post,
      (error) => (error instanceof RateLimitedError ? error.retryAfterSeconds : undefined),
      options.maxWaitMs,
    );
    return true;
  } catch (error) {
    logger.warn(`Slack response_url post failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export function isSlackResponseUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "https:" && /(^|\.)(slack|slack-gov)\.com$/.test(hostname);
  } catch {
    return false;
  }
}
