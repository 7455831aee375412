import { Redis } from "ioredis";
import type { Logger } from "pino";
import { createOutageLog, type OutageLog } from "../outageLog.js";

export interface RedisConnectionOptions {
  url: string;
  logger: Logger;
  /** How long the first connection may take before the store starts without it (default 2 s). */
  connectTimeoutMs?: number;
  /** A command that takes longer fails, so a hung server cannot hold up answers (default 1 s). */
  commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts (default 5 s). */
  maxReconnectDelayMs?: number;
}

export interface RedisConnection {
  client: Redis;
  outage: OutageLog;
  /** The URL without its credentials, for log lines. */
  described: string;
}

/**
 * A client that fails fast instead of waiting: commands sent while disconnected are refused at once (no offline
 * queue), so rate limits fall back to memory right away. It reconnects by itself, forever, backing off to
 * `maxReconnectDelayMs`. Unreachable at start: one line, and the store starts anyway and connects when it can.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const described = describeRedisUrl(options.url);
  const outage = createOutageLog({
    logger: options.logger,
    subject: `Redis at ${described}`,
    meanwhile:
      "rate limits and replay keys use this process's memory, reminders and stored values wait; reconnecting in the background",
  });
  const maxDelay = options.maxReconnectDelayMs ?? 5_000;
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, maxDelay),
  });
  // Every failed attempt emits an error; the outage log turns them into one line a minute.
  client.on("error", (error: Error) => outage.failed(error));
  client.on("ready", () => outage.recovered());
  const startTimeout = (options.connectTimeoutMs ?? 2_000) + 500;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${startTimeout} ms`)), startTimeout).unref()),
    ]);
  } catch (error) {
    // Usually the error event has already said why (ECONNREFUSED); this only counts towards the next line.
    outage.failed(error);
  }
  if (client.status === "ready") options.logger.info({ redis: described }, "store: Redis");
  return { client, outage, described };
}

/** `redis://user:secret@cache:6379/2` → `redis://cache:6379/2`: where it is, never how to get in. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname && parsed.pathname !== "/" ? parsed.pathname : "/0";
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || "6379"}${database}`;
  } catch {
    return "REDIS_URL (unparseable)";
  }
}
