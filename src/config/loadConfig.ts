import { isIP } from "node:net";
import { PLATFORMS, type PlatformAdapter, type PlatformSetup } from "../platforms/index.js";
import { variableReader, type Environment } from "./environment.js";
import { DEFAULT_KNOWLEDGE_DIR, type KnowledgeFolder } from "./knowledgeFolder.js";
import { DEFAULT_REPLY_CACHE_SIZE } from "../commands/registry/replyCache.js";
import { MAX_RATE_LIMIT, parseRateLimit, type RateLimitSetting } from "../app/parseRateLimit.js";
import { readStoreConfig, type StoreConfig } from "../store/storeConfig.js";
import { readUsageConfig, type UsageConfig } from "../app/usage/usageConfig.js";
import { readMetricsConfig, type MetricsConfig } from "../metrics/metricsConfig.js";

export interface Config {
  /** The documents' folder, and whether KNOWLEDGE_DIR chose it. */
  knowledge: KnowledgeFolder;
  port: number;
  /** The address the HTTP server binds: every interface by default (what a container needs), or e.g. 127.0.0.1. */
  host: string;
  /** Unset unless LOG_LEVEL is: the default depends on the mode (quieter in the console). */
  logLevel?: string;
  /** Null when rate limiting is off. */
  rateLimit: RateLimitSetting | null;
  /** Replies kept for repeated commands; 0 keeps none. */
  replyCacheSize: number;
  /** Where what the bot remembers is kept (SQLite in DATA_DIR by default, Redis with REDIS_URL): see src/store. */
  state: StoreConfig;
  /** The question log and votes: QUESTION_LOG, RETENTION_DAYS. */
  usage: UsageConfig;
  /** GET /metrics: METRICS, METRICS_TOKEN. */
  metrics: MetricsConfig;
  /** The platforms whose variables are present, set up to start; the console alone when there is none. */
  platforms: ConfiguredPlatform[];
  /** The ways the bot will be reached, in order (`slack-socket`, `discord-http`, `console`), for the startup log. */
  adapters: string[];
}

export interface ConfiguredPlatform {
  adapter: PlatformAdapter;
  setup: PlatformSetup;
}

export type { Environment };

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };


export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = "0.0.0.0";
const HOST_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i;
export const DEFAULT_RATE_LIMIT = "10/10s";
/** About 1.2 GB of replies at ~12 KB each; the cache reserves its slots up front, so a typo must not. */
const MAX_REPLY_CACHE_SIZE = 100_000;
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * Reads and checks the configuration from environment variables: the general ones here, each platform's by
 * the platform (`platforms` is every platform the bot has). Every problem is one line naming the variable and
 * what is wrong with it; a secret's value is never repeated back, since these lines end up in terminals and
 * deployment logs.
 */
export function loadConfig(env: Environment, platforms: readonly PlatformAdapter[] = PLATFORMS): ConfigResult {
  const problems: string[] = [];
  const read = variableReader(env, problems);

  const knowledgeDir = read("KNOWLEDGE_DIR");
  const knowledge: KnowledgeFolder = knowledgeDir ? { directory: knowledgeDir, setBy: "KNOWLEDGE_DIR" } : { directory: DEFAULT_KNOWLEDGE_DIR };

  let port = DEFAULT_PORT;
  const portText = read("PORT");
  if (portText !== undefined) {
    if (/^\d{1,5}$/.test(portText) && Number(portText) <= 65535) port = Number(portText);
    else problems.push(`PORT must be a whole number from 0 to 65535 (got "${portText}").`);
  }

  const host = read("HOST") ?? DEFAULT_HOST;
  if (!isIP(host) && !HOST_NAME.test(host)) {
    problems.push(`HOST must be an IP address such as 0.0.0.0 or 127.0.0.1, or a host name (got "${host}").`);
  }

  const logLevel = read("LOG_LEVEL")?.toLowerCase();
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${read("LOG_LEVEL")}").`);
  }

  const rateLimitText = read("RATE_LIMIT") ?? DEFAULT_RATE_LIMIT;
  const parsedRateLimit = parseRateLimit(rateLimitText);
  if (parsedRateLimit === undefined) {
    problems.push(`RATE_LIMIT must look like 10/10s or 20/1m (at most ${MAX_RATE_LIMIT} commands per user per window), or 0 to turn it off (got "${rateLimitText}").`);
  }

  const cacheText = read("REPLY_CACHE_SIZE");
  let replyCacheSize = DEFAULT_REPLY_CACHE_SIZE;
  if (cacheText !== undefined) {
    if (/^\d{1,6}$/.test(cacheText) && Number(cacheText) <= MAX_REPLY_CACHE_SIZE) replyCacheSize = Number(cacheText);
    else problems.push(`REPLY_CACHE_SIZE must be a whole number of replies up to ${MAX_REPLY_CACHE_SIZE}, or 0 to keep none (got "${cacheText}").`);
  }

  const stateResult = readStoreConfig(env);
  if (!stateResult.ok) problems.push(...stateResult.problems);
  const usage = readUsageConfig(read, problems);
  const metrics = readMetricsConfig(read, problems);

  const configure = (adapter: PlatformAdapter) => {
    const setup = adapter.configure(read, problems);
    return setup ? [{ adapter, setup }] : [];
  };
  const configured = platforms.filter((adapter) => !adapter.fallback).flatMap(configure);
  if (problems.length > 0) return { ok: false, problems };
  const chosen = configured.length > 0 ? configured : platforms.filter((adapter) => adapter.fallback).flatMap(configure);
  const adapters = chosen.flatMap(({ setup }) => setup.modes);

  return {
    ok: true,
    config: {
      knowledge,
      port,
      host,
      logLevel,
      rateLimit: parsedRateLimit ?? null,
      replyCacheSize,
      state: (stateResult as { ok: true; config: StoreConfig }).config,
      usage,
      metrics,
      platforms: chosen,
      adapters,
    },
  };
}

/** The settings of one configured platform, by name (tools and tests read them). */
export function settingsOf(config: Config, platform: string): object | undefined {
  return config.platforms.find(({ adapter }) => adapter.name === platform)?.setup.settings;
}
