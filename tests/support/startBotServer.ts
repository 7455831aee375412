/**
 * The bot's HTTP server as `npm start` runs it when a platform is configured: checked config, the knowledge
 * store, the registry every adapter shares (createBotRegistry), and servePlatforms. The load benchmark runs
 * it in a child process and the reliability tests in-process, on loopback only.
 */
import type { Server } from "node:http";
import type { CommandDefinition } from "../../src/commands/registry/types.js";
import type { CommandRegistry } from "../../src/commands/registry/commandRegistry.js";
import { loadConfig, type Environment } from "../../src/config/loadConfig.js";
import type { Logger } from "../../src/logger.js";
import { createBotRegistry } from "../../src/app/createBotRegistry.js";
import { KnowledgeStore } from "../../src/app/knowledgeStore.js";
import { servePlatforms } from "../../src/app/servePlatforms.js";
import { trackCommandsInFlight } from "../../src/app/trackCommandsInFlight.js";
import { createMemoryStore, openStore } from "../../src/store/index.js";
import type { CommandMiddleware } from "../../src/commands/registry/wrapCommandRuns.js";

export interface BotServerOptions {
  env: Environment;
  logger: Logger;
  /** Commands added to the production set (tests add one that throws). */
  extraCommands?: CommandDefinition[];
  /** Outermost command wrappers (tests record every run). */
  around?: CommandMiddleware[];
  host?: string;
  /**
   * Open the store the environment names (STORE, DATA_DIR, REDIS_URL), as main.ts does; otherwise a memory store
   * of the server's own, so tests in parallel never share rate-limit counts through a file.
   */
  openState?: boolean;
  /** Watch the knowledge folder and re-index on change, as production does (default false: a fixed folder). */
  watchKnowledge?: boolean;
}

export interface BotServer {
  server: Server;
  port: number;
  /** The registry the adapters were given. */
  registry: CommandRegistry;
  close(): Promise<void>;
}

export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const result = loadConfig(options.env);
  if (!result.ok) throw new Error(`bad test configuration: ${result.problems.join(" ")}`);
  const { config } = result;
  const { logger } = options;

  const state = options.openState ? await openStore(config.state, logger) : createMemoryStore();
  const store = await KnowledgeStore.open(config.knowledge.directory, { logger, watch: options.watchKnowledge ?? false });
  const inFlight = trackCommandsInFlight();
  const registry = createBotRegistry({
    knowledge: () => store.get(),
    logger,
    rateLimit: config.rateLimit,
    state,
    replyCacheSize: config.replyCacheSize,
    extraCommands: options.extraCommands,
    around: [inFlight.middleware, ...(options.around ?? [])],
  });
  const platforms = await servePlatforms({ config, registry, store, state, logger, inFlight, host: options.host ?? "127.0.0.1" });
  return {
    server: platforms.server,
    port: platforms.port,
    registry,
    close: async () => {
      await platforms.close(2_000);
      await store.close();
      await state.close();
    },
  };
}
