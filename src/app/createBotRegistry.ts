import type { CommandRegistry } from "../commands/registry/commandRegistry.js";
import { createCommandRegistry } from "../commands/index.js";
import type { CommandDefinition } from "../commands/registry/types.js";
import type { KnowledgeBase } from "../knowledge/index.js";
import type { Logger } from "../logger.js";
import { createCommandLog } from "./logCommands.js";
import type { RateLimitSetting } from "./parseRateLimit.js";
import { rateLimitCommands } from "./rateLimitCommands.js";
import { createMemoryStore, type Store } from "../store/index.js";
import type { CommandMiddleware } from "../commands/registry/wrapCommandRuns.js";
import { wrapCommandRuns } from "../commands/registry/wrapCommandRuns.js";
import { recordUsage } from "./usage/recordUsage.js";
import { applyChannelSettings } from "./usage/applyChannelSettings.js";
import type { BotMetrics } from "../metrics/botMetrics.js";
import { countCommands } from "../metrics/countCommands.js";

export interface BotRegistryOptions {
  knowledge: () => KnowledgeBase;
  logger: Logger;
  /** Null turns the per-user limit off. */
  rateLimit: RateLimitSetting | null;
  /**
   * Where the rate-limit windows live: the app's one store (src/bin/main.ts opens it), so every instance sharing
   * it enforces one limit per user. A memory store of its own when none is given (tests, tools).
   */
  state?: Store;
  /** Replies kept for repeated commands (default DEFAULT_REPLY_CACHE_SIZE); 0 keeps none. */
  replyCacheSize?: number;
  /** Outermost wrappers, e.g. counting commands in flight for shutdown. */
  around?: CommandMiddleware[];
  /** Commands beside the built-in and topic ones (the reliability tests add one that throws). */
  extraCommands?: CommandDefinition[];
  /**
   * The store that keeps the question log and votes: with it every answer gets feedback buttons and every
   * command is logged for /insights (the question text only when `keepQuestions`, QUESTION_LOG).
   */
  usage?: { store: Store; keepQuestions: boolean };
  /** METRICS=on: every command the log sees is counted and timed here too, by name, platform and outcome. */
  metrics?: BotMetrics;
}

/**
 * The registry every adapter of a process shares, wrapped once: failures and one line per command logged,
 * the usage log and feedback votes innermost, then the per-user rate limit, so refused commands are logged
 * too. Any entry point that serves
 * users (npm start, a gateway shard) builds it here, so none can skip the limit or the log.
 */
export function createBotRegistry(options: BotRegistryOptions): CommandRegistry {
  // Called only once commands run, after `commands` below is set.
  const observe = options.metrics ? countCommands(options.metrics, (name) => commands.get(name) !== undefined) : undefined;
  const commandLog = createCommandLog(options.logger, undefined, observe);
  let registry = createCommandRegistry(options.knowledge, { onError: commandLog.onError, replyCacheSize: options.replyCacheSize, ...(options.usage ? { state: options.usage.store } : {}) }, options.extraCommands);
  const commands = registry;
  // Inside the rate limit: a refused command is not logged as asked, and votes are limited like commands.
  if (options.usage) {
    const { store, keepQuestions } = options.usage;
    const definition = (name: string) => commands.get(name);
    registry = wrapCommandRuns(registry, recordUsage({ store, keepQuestions, logger: options.logger, definition }));
    // Outside the usage log: a command turned off in the channel is refused before it is logged as asked.
    registry = wrapCommandRuns(registry, applyChannelSettings({ settings: store.channelSettings, logger: options.logger, definition }));
  }
  if (options.rateLimit) {
    const limits = (options.state ?? createMemoryStore()).rateLimits;
    registry = wrapCommandRuns(registry, rateLimitCommands(limits, options.rateLimit));
  }
  registry = wrapCommandRuns(registry, commandLog.middleware);
  for (const middleware of options.around ?? []) registry = wrapCommandRuns(registry, middleware);
  return registry;
}
